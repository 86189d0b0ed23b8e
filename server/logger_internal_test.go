package server

import (
	"context"
	"log/slog"
	"testing"
)

// TestNilLoggerDiscards checks the convention every refeed package
// follows: a nil logger discards the log (it does not write to
// slog.Default, which a library has no business choosing).
func TestNilLoggerDiscards(t *testing.T) {
	s := New(Options{Dir: t.TempDir()})
	if s.logger.Enabled(context.Background(), slog.LevelError) {
		t.Error("a Server with no Logger logs; want the log discarded")
	}
}
