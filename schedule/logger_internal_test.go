package schedule

import (
	"context"
	"log/slog"
	"testing"
)

// TestNilLoggerDiscards checks the convention every refeed package
// follows: a nil logger discards the log (it does not write to
// slog.Default, which a library has no business choosing).
func TestNilLoggerDiscards(t *testing.T) {
	s := New(func(context.Context, string) error { return nil }, Options{})
	if s.logger.Enabled(context.Background(), slog.LevelError) {
		t.Error("a Scheduler with no Logger logs; want the log discarded")
	}
}
