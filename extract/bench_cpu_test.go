//go:build unix

package extract

import (
	"bytes"
	"errors"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// processCPU returns the CPU time (user and system) this process has used.
func processCPU(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExtractVsParseCPU parses and then extracts each wcxb-dev page
// in turn and reports the CPU time of each as ms/op and their ratio
// (x-parse): on a shared machine the load of other work changes wall
// times from run to run, but hits both halves of each page alike, so the
// ratio stays put. Run it with GOMAXPROCS=1, so that garbage collection
// is done, and counted, where the garbage is made:
//
//	GOMAXPROCS=1 go test -run X -bench ExtractVsParseCPU -benchtime 3x ./extract
func BenchmarkExtractVsParseCPU(b *testing.B) {
	pages, urls := wcxbBenchPages(b)
	var parse, extract time.Duration
	for b.Loop() {
		for i, p := range pages {
			t0 := processCPU(b)
			if _, err := html.Parse(bytes.NewReader(p)); err != nil {
				b.Fatal(err)
			}
			t1 := processCPU(b)
			if _, err := Extract(bytes.NewReader(p), urls[i], nil); err != nil && !errors.Is(err, ErrNoArticle) {
				b.Fatalf("%s: %v", urls[i], err)
			}
			t2 := processCPU(b)
			parse += t1 - t0
			extract += t2 - t1
		}
	}
	b.ReportMetric(float64(parse.Milliseconds())/float64(b.N), "parse-cpu-ms/op")
	b.ReportMetric(float64(extract.Milliseconds())/float64(b.N), "extract-cpu-ms/op")
	b.ReportMetric(float64(extract)/float64(parse), "x-parse")
}
