package config_test

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/refeed/refeed/config"
)

const onTheFlySources = `
sources:
  - {name: s, url: "https://news.example/feed"}
feeds:
  - {name: f, sources: [s]}
`

// TestOnTheFlyAndPagesKeys: the on_the_fly and pages keys are read with
// their defaults, and their mistakes are reported at their line.
func TestOnTheFlyAndPagesKeys(t *testing.T) {
	c, err := config.ParseConfig(strings.NewReader(`on_the_fly: {enabled: true, keys: ["0123456789abcdef"], allow_networks: [127.0.0.1/8, "fd00::/8"]}
sources:
  - {name: s, url: "https://news.example/feed", pages: {next: "a.next", single: "a.print", max: 4}}
feeds:
  - {name: f, sources: [s]}
`), "sources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	o := c.OnTheFly
	if !o.Enabled || o.MaxItems != config.DefaultOnTheFlyMaxItems || o.RateLimit != config.DefaultOnTheFlyRateLimit ||
		len(o.Networks) != 2 || o.Networks[0] != netip.MustParsePrefix("127.0.0.0/8") {
		t.Errorf("on_the_fly = %+v", o)
	}
	if p := c.Sources[0].Pages; p.Next != "a.next" || p.Single != "a.print" || p.EffectiveMax() != 4 {
		t.Errorf("pages = %+v", p)
	}
	if c, err := config.ParseConfig(strings.NewReader(onTheFlySources), "sources.yaml"); err != nil || c.OnTheFly.Enabled || c.Sources[0].Pages.EffectiveMax() != config.DefaultMaxPages {
		t.Errorf("defaults: %v, %+v", err, c)
	}

	bad := []struct{ yaml, want string }{
		{"on_the_fly: {enabled: true}\n", "sources.yaml:1: on_the_fly.keys"},
		{"on_the_fly: {enabled: true, keys: [short]}\n", "at least 16 characters"},
		{"on_the_fly: {allow_networks: [lan]}\n", `invalid network "lan"`},
		{"on_the_fly: {max_items: -1}\n", "on_the_fly.max_items"},
	}
	for _, b := range bad {
		_, err := config.ParseConfig(strings.NewReader(b.yaml+onTheFlySources), "sources.yaml")
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%q: error %v, want one saying %q", b.yaml, err, b.want)
		}
	}
	_, err = config.ParseConfig(strings.NewReader(strings.Replace(onTheFlySources, `feed"}`, `feed", pages: {next: "a[", max: -2}}`, 1)), "sources.yaml")
	if err == nil || !strings.Contains(err.Error(), "sources[0].pages.next") || !strings.Contains(err.Error(), "sources[0].pages.max") {
		t.Errorf("bad pages: %v", err)
	}
}
