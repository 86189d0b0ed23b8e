package main

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"
)

func TestNotModified(t *testing.T) {
	f := &servedFeed{ETag: `"1-5f3a"`, LastModified: time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)}
	cases := []struct {
		name, inm, ims string
		want           bool
	}{
		{"no validators", "", "", false},
		{"etag matches", `"1-5f3a"`, "", true},
		{"weak etag matches", `W/"1-5f3a"`, "", true},
		{"etag in a list", `"x", "1-5f3a"`, "", true},
		{"star", `*`, "", true},
		{"other etag wins over a matching date", `"2-5f3a"`, "Sat, 28 Nov 2026 09:30:00 GMT", false},
		{"same date", "", "Sat, 28 Nov 2026 09:30:00 GMT", true},
		{"later date", "", "Sat, 28 Nov 2026 10:00:00 GMT", true},
		{"earlier date", "", "Sat, 28 Nov 2026 09:29:59 GMT", false},
		{"bad date", "", "yesterday", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := http.NewRequest(http.MethodGet, "http://127.0.0.1/", nil)
			if tc.inm != "" {
				r.Header.Set("If-None-Match", tc.inm)
			}
			if tc.ims != "" {
				r.Header.Set("If-Modified-Since", tc.ims)
			}
			if got := notModified(r, f); got != tc.want {
				t.Errorf("notModified = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestAcceptsGzip(t *testing.T) {
	cases := map[string]bool{
		"":                  false,
		"gzip":              true,
		"gzip, deflate, br": true,
		"br, GZIP;q=0.5":    true,
		"gzip;q=0":          false,
		"deflate":           false,
		"x-gzip":            false,
	}
	for in, want := range cases {
		if got := acceptsGzip(in); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestPollOrder(t *testing.T) {
	set, err := buildFeeds(7, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		order string
		want  []int
	}{
		{"grouped", []int{0, 1, 2, 3, 4, 5, 6}},
		{"interleaved", []int{0, 3, 5, 1, 4, 6, 2}}, // sites hold 0-2, 3-4, 5-6
	}
	for _, tc := range cases {
		got, err := pollOrder(set, 3, tc.order)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("pollOrder(%s) = %v, %v; want %v", tc.order, got, err, tc.want)
		}
	}
	if _, err := pollOrder(set, 3, "random"); err == nil {
		t.Error("pollOrder(random): no error")
	}
}

// TestMeasureFetch runs every runner over a few feeds and checks what the
// server saw: all feeds decoded right in pass one (windows-1256 sites
// included), no body sent in pass two to the clients that send validators,
// every body sent again to gofeed ParseURL, and refeed never over its
// per-host limit and reusing its connections.
func TestMeasureFetch(t *testing.T) {
	c := fetchConfig{Feeds: 40, Sites: 5, Items: 3, Workers: 8, Rounds: 1, Latency: 2 * time.Millisecond, Order: "grouped"}
	set, results, err := measureFetch(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(fetchRunners()) {
		t.Fatalf("%d results, want %d", len(results), len(fetchRunners()))
	}
	for _, r := range results {
		first, second := r.Passes[0], r.Passes[1]
		if first.Errors+second.Errors > 0 {
			t.Errorf("%s: errors %d, %d: %v", r.Name, first.Errors, second.Errors, first.FirstErr)
		}
		if first.Right != len(set) || first.Items != len(set)*c.Items || first.Server.Full != len(set) {
			t.Errorf("%s pass 1: %d titles right, %d items, %d bodies; want %d, %d, %d",
				r.Name, first.Right, first.Items, first.Server.Full, len(set), len(set)*c.Items, len(set))
		}
		wantFull := 0
		if r.Name == "gofeed ParseURL" {
			wantFull = len(set)
		}
		if second.Server.Full != wantFull || second.Server.NotModified != len(set)-wantFull {
			t.Errorf("%s pass 2: %d bodies, %d 304s; want %d, %d", r.Name, second.Server.Full, second.Server.NotModified, wantFull, len(set)-wantFull)
		}
		if r.Name != "refeed" {
			continue
		}
		if peak := max(first.Server.MaxPerHost, second.Server.MaxPerHost); peak > 2 {
			t.Errorf("refeed: %d requests in flight to one host, want at most 2", peak)
		}
		if second.Server.Conns != 0 {
			t.Errorf("refeed pass 2: %d new connections, want 0 (pass 1's are kept alive)", second.Server.Conns)
		}
	}
}
