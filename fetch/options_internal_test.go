package fetch

import (
	"testing"
	"time"
)

func TestOptionsDefaults(t *testing.T) {
	tests := []struct {
		name string
		in   Options
		want Options
	}{
		{"zero takes defaults", Options{}, Options{
			UserAgent: DefaultUserAgent, Concurrency: DefaultConcurrency, PerHost: DefaultPerHost,
			HostDelay: DefaultHostDelay, Timeout: DefaultTimeout, ConnectTimeout: DefaultConnectTimeout,
			MaxBody: DefaultMaxBody, Retries: DefaultRetries, RetryBase: DefaultRetryBase,
			MaxRetryAfter: DefaultMaxRetryAfter, MaxRedirects: DefaultMaxRedirects, RobotsTTL: DefaultRobotsTTL,
		}},
		{"negative turns features off or falls back", Options{
			UserAgent: "x", Concurrency: -1, PerHost: -1, HostDelay: -1, Timeout: -1, ConnectTimeout: -1,
			MaxBody: -1, Retries: -1, RetryBase: -1, MaxRetryAfter: -1, MaxRedirects: -1, RobotsTTL: -1,
		}, Options{
			UserAgent: "x", Concurrency: DefaultConcurrency, PerHost: DefaultPerHost,
			HostDelay: 0, Timeout: DefaultTimeout, ConnectTimeout: DefaultConnectTimeout,
			MaxBody: DefaultMaxBody, Retries: 0, RetryBase: DefaultRetryBase,
			MaxRetryAfter: DefaultMaxRetryAfter, MaxRedirects: -1, RobotsTTL: DefaultRobotsTTL,
		}},
		{"explicit values kept", Options{UserAgent: "x", Concurrency: 3, PerHost: 1, HostDelay: time.Second,
			Timeout: time.Second, ConnectTimeout: time.Second, MaxBody: 5, Retries: 1, RetryBase: time.Second,
			MaxRetryAfter: time.Second, MaxRedirects: 2, RobotsTTL: time.Second, IgnoreRobots: true, BlockPrivate: true},
			Options{UserAgent: "x", Concurrency: 3, PerHost: 1, HostDelay: time.Second,
				Timeout: time.Second, ConnectTimeout: time.Second, MaxBody: 5, Retries: 1, RetryBase: time.Second,
				MaxRetryAfter: time.Second, MaxRedirects: 2, RobotsTTL: time.Second, IgnoreRobots: true, BlockPrivate: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.withDefaults(); got != tt.want {
				t.Errorf("withDefaults() =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}
