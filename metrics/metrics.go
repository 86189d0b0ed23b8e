// Package metrics records what refeed does — fetches, extractions, items
// per feed, failing sources — as Prometheus metrics.
//
// A Metrics value owns its own prometheus.Registry, never the global
// default one, so tests and several instances in one process don't collide.
// Every method is safe on a nil *Metrics and then does nothing, so code that
// takes an optional *Metrics needs no nil checks.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every metric name: refeed_fetches_total and so on.
const namespace = "refeed"

// Fetch kinds, outcomes and extract outcomes used as label values. Callers
// may pass other values; keep them few, since every value is a series.
const (
	KindFeed   = "feed"   // a source feed
	KindPage   = "page"   // an article or listing page
	KindRobots = "robots" // a robots.txt

	OutcomeOK          = "ok"           // 2xx with a body
	OutcomeNotModified = "not_modified" // 304 from a conditional GET
	OutcomeError       = "error"        // any failure; status_class tells HTTP errors from network ones
	OutcomeTooLarge    = "too_large"    // body over the size cap
	OutcomeDisallowed  = "disallowed"   // refused by robots.txt or policy

	ExtractOK    = "ok"    // an article body was found
	ExtractEmpty = "empty" // the page parsed but held no article body
	ExtractError = "error" // the page could not be parsed
)

// Metrics holds refeed's collectors and the registry they live on.
type Metrics struct {
	reg             *prometheus.Registry
	fetches         *prometheus.CounterVec
	fetchDuration   *prometheus.HistogramVec
	extracts        *prometheus.CounterVec
	extractDuration *prometheus.HistogramVec
	feedItems       *prometheus.GaugeVec
	sourceFailures  *prometheus.CounterVec
	sourcePolls     *prometheus.CounterVec
	sourceLastOK    *prometheus.GaugeVec
}

// New returns Metrics registered on a fresh registry that also carries the
// Go runtime and process collectors.
func New() *Metrics { return newMetrics(nil) }

// NewWorker is New for one of several workers sharing a state: every
// series carries the label worker="name", so a Prometheus scraping them
// all can tell them apart and sum them.
func NewWorker(name string) *Metrics {
	return newMetrics(prometheus.Labels{"worker": name})
}

func newMetrics(labels prometheus.Labels) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "fetches_total",
			Help: "HTTP fetches by kind (feed, page, robots), outcome and status class (2xx, 3xx, 4xx, 5xx, none).",
		}, []string{"kind", "outcome", "status_class"}),
		fetchDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "fetch_duration_seconds",
			Help:    "Time from request to the end of the body, by kind.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 20, 40},
		}, []string{"kind"}),
		extracts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "extracts_total",
			Help: "Article extractions by outcome (ok, empty, error).",
		}, []string{"outcome"}),
		extractDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "extract_duration_seconds",
			Help:    "Time to extract and clean one article page.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1},
		}, []string{"outcome"}),
		feedItems: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: namespace, Name: "feed_items",
			Help: "Items in each output feed as last written.",
		}, []string{"feed"}),
		sourceFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "source_failures_total",
			Help: "Polls of a source that failed.",
		}, []string{"source"}),
		sourcePolls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "source_polls_total",
			Help: "Polls of a source, failed or not.",
		}, []string{"source"}),
		sourceLastOK: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: namespace, Name: "source_last_success_timestamp_seconds",
			Help: "Unix time of the last successful poll of a source.",
		}, []string{"source"}),
	}
	reg := prometheus.WrapRegistererWith(labels, m.reg)
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.fetches, m.fetchDuration, m.extracts, m.extractDuration,
		m.feedItems, m.sourceFailures, m.sourcePolls, m.sourceLastOK,
	)
	return m
}

// Registry returns the registry the metrics live on, for callers that want
// to add collectors of their own.
func (m *Metrics) Registry() *prometheus.Registry {
	if m == nil {
		return nil
	}
	return m.reg
}

// Handler serves the metrics in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// ObserveFetch counts one fetch and records its duration. kind is one of the
// Kind constants, outcome one of the Outcome constants and statusClass the
// result of StatusClass.
func (m *Metrics) ObserveFetch(kind, outcome, statusClass string, d time.Duration) {
	if m == nil {
		return
	}
	m.fetches.WithLabelValues(kind, outcome, statusClass).Inc()
	m.fetchDuration.WithLabelValues(kind).Observe(d.Seconds())
}

// ObserveExtract counts one extraction and records its duration; outcome is
// one of the Extract constants.
func (m *Metrics) ObserveExtract(outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.extracts.WithLabelValues(outcome).Inc()
	m.extractDuration.WithLabelValues(outcome).Observe(d.Seconds())
}

// SetFeedItems records how many items the output feed now holds.
func (m *Metrics) SetFeedItems(feed string, n int) {
	if m == nil {
		return
	}
	m.feedItems.WithLabelValues(feed).Set(float64(n))
}

// DeleteFeed forgets a feed that is no longer configured.
func (m *Metrics) DeleteFeed(feed string) {
	if m == nil {
		return
	}
	m.feedItems.DeleteLabelValues(feed)
}

// SourceFailure counts one failed poll of source.
func (m *Metrics) SourceFailure(source string) {
	if m == nil {
		return
	}
	m.sourcePolls.WithLabelValues(source).Inc()
	m.sourceFailures.WithLabelValues(source).Inc()
}

// SourceSuccess counts one successful poll of source finished at t.
func (m *Metrics) SourceSuccess(source string, t time.Time) {
	if m == nil {
		return
	}
	m.sourcePolls.WithLabelValues(source).Inc()
	m.sourceFailures.WithLabelValues(source).Add(0) // show the series at 0
	m.sourceLastOK.WithLabelValues(source).Set(float64(t.UnixNano()) / 1e9)
}

// StatusClass maps an HTTP status code to its class label: "2xx" for 200,
// "5xx" for 503, and "none" when there was no response (code 0 or out of
// range), as for a network error.
func StatusClass(code int) string {
	if code < 100 || code > 599 {
		return "none"
	}
	return strconv.Itoa(code/100) + "xx"
}
