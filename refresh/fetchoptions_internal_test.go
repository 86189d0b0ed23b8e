package refresh

import (
	"testing"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
)

// TestFetchOptionsZeroIsNone checks the one translation between the
// config's zero ("none") and fetch's (the default): host_delay: 0 and
// retries: 0, globally or on a source, reach fetch as Off; set values and
// the defaults pass through as they are.
func TestFetchOptionsZeroIsNone(t *testing.T) {
	cfg := config.DefaultConfig()
	opts := FetchOptions(cfg)
	if opts.UserAgent != fetch.DefaultUserAgent || opts.HostDelay != fetch.DefaultHostDelay || opts.Retries != fetch.DefaultRetries ||
		opts.Concurrency != fetch.DefaultConcurrency || opts.PerHost != fetch.DefaultPerHost ||
		opts.Timeout != fetch.DefaultTimeout || opts.MaxBody != fetch.DefaultMaxBody {
		t.Errorf("the config's defaults reach fetch as %+v, want fetch's defaults", opts)
	}
	cfg.HostDelay, cfg.Retries = 0, 0
	if opts := FetchOptions(cfg); opts.HostDelay != fetch.Off || opts.Retries != fetch.Off {
		t.Errorf("host_delay: 0, retries: 0 reach fetch as %v, %d; want Off (none), not zero (the default)", opts.HostDelay, opts.Retries)
	}
	zero, two := 0, 2
	r := &Runner{cfg: cfg}
	if got := r.sourceRequest(&config.Source{Retries: &zero}, "https://a.example/", "", "").Retries; got != fetch.Off {
		t.Errorf("a source's retries: 0 reaches fetch as %d, want Off", got)
	}
	if got := r.sourceRequest(&config.Source{Retries: &two}, "https://a.example/", "", "").Retries; got != 2 {
		t.Errorf("a source's retries: 2 reaches fetch as %d", got)
	}
	if noneIsOff(3*time.Second) != 3*time.Second {
		t.Error("noneIsOff changed a set value")
	}
}
