package refresh

import (
	"net/url"
	"strings"

	"github.com/refeed/refeed/config"
)

// interleaveHosts returns the indexes of sources in the order RunOnce
// starts them: round-robin over their hosts, each host's sources in config
// order. Sources of one site listed together would otherwise take every
// worker while they wait their turn under the site's per-host limit, and
// leave the other sites idle.
func interleaveHosts(sources []config.Source) []int {
	var hosts []string
	byHost := map[string][]int{}
	for i := range sources {
		h := SourceHost(sources[i].URL)
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], i)
	}
	order := make([]int, 0, len(sources))
	for round := 0; len(order) < len(sources); round++ {
		for _, h := range hosts {
			if round < len(byHost[h]) {
				order = append(order, byHost[h][round])
			}
		}
	}
	return order
}

// SourceHost is the lower-case host of a source URL, or the URL itself
// when it does not parse.
func SourceHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	return strings.ToLower(u.Host)
}
