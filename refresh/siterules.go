package refresh

import (
	"net/url"

	"github.com/refeed/refeed/siterules"
)

// siteRules returns the site rules for the host of pageURL, or nil.
func (r *Runner) siteRules(pageURL string) *siterules.Site {
	if r.sites == nil {
		return nil
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	return r.sites.For(u.Hostname())
}

// withSiteHeaders adds the site rules' request headers to the source's;
// the source's own headers win.
func withSiteHeaders(source map[string]string, site *siterules.Site) map[string]string {
	extra := site.Headers()
	if len(extra) == 0 {
		return source
	}
	merged := make(map[string]string, len(source)+len(extra))
	for k, v := range extra {
		merged[k] = v
	}
	for k, v := range source {
		merged[k] = v
	}
	return merged
}
