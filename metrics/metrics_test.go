package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// value reads the current value of a counter or gauge.
func value(t *testing.T, c prometheus.Metric) float64 {
	t.Helper()
	var pb dto.Metric
	if err := c.Write(&pb); err != nil {
		t.Fatal(err)
	}
	switch {
	case pb.Counter != nil:
		return pb.Counter.GetValue()
	case pb.Gauge != nil:
		return pb.Gauge.GetValue()
	}
	t.Fatalf("metric %v is neither counter nor gauge", c.Desc())
	return 0
}

func TestStatusClass(t *testing.T) {
	tests := map[int]string{0: "none", 99: "none", 200: "2xx", 304: "3xx", 404: "4xx", 503: "5xx", 600: "none", -1: "none"}
	for code, want := range tests {
		if got := StatusClass(code); got != want {
			t.Errorf("StatusClass(%d) = %q, want %q", code, got, want)
		}
	}
}

func TestMetricsRecord(t *testing.T) {
	m := New()
	m.ObserveFetch(KindFeed, OutcomeOK, "2xx", 120*time.Millisecond)
	m.ObserveFetch(KindFeed, OutcomeOK, "2xx", 80*time.Millisecond)
	m.ObserveFetch(KindPage, OutcomeError, "5xx", time.Second)
	m.ObserveExtract(ExtractOK, 3*time.Millisecond)
	m.SetFeedItems("iraq", 42)
	m.SourceFailure("alsumaria")
	m.SourceFailure("alsumaria")
	m.SourceSuccess("shafaq", time.Unix(1700000000, 0))

	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"feed ok fetches", value(t, m.fetches.WithLabelValues(KindFeed, OutcomeOK, "2xx")), 2},
		{"page 5xx fetches", value(t, m.fetches.WithLabelValues(KindPage, OutcomeError, "5xx")), 1},
		{"extracts ok", value(t, m.extracts.WithLabelValues(ExtractOK)), 1},
		{"feed items", value(t, m.feedItems.WithLabelValues("iraq")), 42},
		{"source failures", value(t, m.sourceFailures.WithLabelValues("alsumaria")), 2},
		{"source polls", value(t, m.sourcePolls.WithLabelValues("alsumaria")), 2},
		{"healthy source failures", value(t, m.sourceFailures.WithLabelValues("shafaq")), 0},
		{"last success", value(t, m.sourceLastOK.WithLabelValues("shafaq")), 1700000000},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestHandlerExposition(t *testing.T) {
	m := New()
	m.ObserveFetch(KindFeed, OutcomeNotModified, "3xx", 10*time.Millisecond)
	m.SetFeedItems("iraq", 7)
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	for _, want := range []string{
		`refeed_fetches_total{kind="feed",outcome="not_modified",status_class="3xx"} 1`,
		`refeed_fetch_duration_seconds_bucket{kind="feed",le="0.05"} 1`,
		`refeed_feed_items{feed="iraq"} 7`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("exposition lacks %q", want)
		}
	}
}

func TestNilMetricsIsNoop(t *testing.T) {
	var m *Metrics
	m.ObserveFetch(KindFeed, OutcomeOK, "2xx", time.Second)
	m.ObserveExtract(ExtractOK, time.Second)
	m.SetFeedItems("x", 1)
	m.DeleteFeed("x")
	m.SourceFailure("x")
	m.SourceSuccess("x", time.Now())
	if m.Registry() != nil {
		t.Error("nil Metrics has a registry")
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("nil Metrics handler status = %d, want 404", rec.Code)
	}
}

func TestTwoInstancesDoNotCollide(t *testing.T) {
	a, b := New(), New()
	a.SetFeedItems("f", 1)
	b.SetFeedItems("f", 2)
	if got := value(t, a.feedItems.WithLabelValues("f")); got != 1 {
		t.Errorf("a feed items = %v, want 1", got)
	}
}
