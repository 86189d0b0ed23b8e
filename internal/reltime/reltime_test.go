package reltime

import (
	"testing"
	"time"
)

func TestRelative(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	tests := map[time.Duration]string{
		0:                              "just now",
		-5 * time.Second:               "5s ago",
		-5 * time.Minute:               "5m ago",
		-(3*time.Hour + 7*time.Minute): "3h 7m ago",
		-2 * time.Hour:                 "2h ago",
		-72 * time.Hour:                "3d ago",
		25 * time.Minute:               "in 25m",
		6 * time.Hour:                  "in 6h",
	}
	for d, want := range tests {
		if got := Relative(now.Add(d), now); got != want {
			t.Errorf("Relative(now%+v) = %q, want %q", d, got, want)
		}
	}
	if got := Relative(time.Time{}, now); got != "never" {
		t.Errorf("Relative(zero) = %q", got)
	}
}

func TestExact(t *testing.T) {
	baghdad := time.FixedZone("Asia/Baghdad", 3*3600)
	at := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	if got := Exact(at, baghdad); got != "2026-11-28 15:00 +03:00" {
		t.Errorf("Exact = %q", got)
	}
	if got := Exact(at, nil); got != "2026-11-28 12:00 +00:00" {
		t.Errorf("Exact(nil loc) = %q", got)
	}
	if got := Exact(time.Time{}, baghdad); got != "" {
		t.Errorf("Exact(zero) = %q", got)
	}
}
