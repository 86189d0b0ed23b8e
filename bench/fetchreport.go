package main

import (
	"fmt"
	"io"
)

// passNames label the two passes in the table.
var passNames = [2]string{"1 first", "2 unchanged"}

// printFetchTable writes the fetch results as a Markdown table, with each
// runner's time and bytes as multiples of refeed's in the same pass, and
// the first error of any runner that had some.
func printFetchTable(w io.Writer, c fetchConfig, set []servedFeed, results []fetchResult) {
	printFetchHeader(w, c, set)
	fmt.Fprintln(w, "| runner | pass | feeds/s | time × refeed | KiB on the wire | wire × refeed | full bodies | 304s | new conns | max in flight per host | items parsed | first titles right | errors |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	var base *fetchResult
	if len(results) > 0 && results[0].Name == "refeed" {
		base = &results[0]
	}
	for pass := range passNames {
		for _, r := range results {
			p := r.Passes[pass]
			timeRatio, wireRatio := "—", "—"
			if base != nil {
				b := base.Passes[pass]
				timeRatio = ratio(float64(p.Elapsed), float64(b.Elapsed))
				wireRatio = ratio(float64(p.Server.WireBytes), float64(b.Server.WireBytes))
			}
			fmt.Fprintf(w, "| %s | %s | %.0f | %s | %.1f | %s | %d | %d | %d | %d | %d | %d | %d |\n",
				r.Name, passNames[pass], perSecond(len(set), p.Elapsed), timeRatio,
				float64(p.Server.WireBytes)/1024, wireRatio, p.Server.Full, p.Server.NotModified,
				p.Server.Conns, p.Server.MaxPerHost, p.Items, p.Right, p.Errors)
		}
	}
	for _, r := range results {
		for pass, p := range r.Passes {
			if p.FirstErr != nil {
				fmt.Fprintf(w, "\n%s, pass %s: first error: %v\n", r.Name, passNames[pass], p.FirstErr)
			}
		}
	}
}

// printFetchHeader describes the run above the table.
func printFetchHeader(w io.Writer, c fetchConfig, set []servedFeed) {
	var plain, gz int
	for _, f := range set {
		plain += len(f.Plain)
		gz += len(f.Gzip)
	}
	delay := c.HostDelay.String()
	if c.HostDelay <= 0 {
		delay = "none"
	}
	fmt.Fprintf(w, "\n%d feeds on %d loopback sites, %s order, %d items each (%.1f KiB plain, %.1f KiB gzip on average); "+
		"%d workers per runner; refeed per_host 2, host_delay %s; server latency %s; best of %d rounds\n\n",
		len(set), c.Sites, c.Order, c.Items, float64(plain)/float64(len(set))/1024, float64(gz)/float64(len(set))/1024,
		c.Workers, delay, c.Latency, c.Rounds)
}

// ratio formats a/b as "1.23×", or "—" when b is zero.
func ratio(a, b float64) string {
	if b == 0 {
		if a == 0 {
			return "1.00×"
		}
		return "—"
	}
	return fmt.Sprintf("%.2f×", a/b)
}
