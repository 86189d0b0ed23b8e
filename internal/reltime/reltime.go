// Package reltime writes times the way refeed shows them to people, in
// `refeed status` and on the index page: relative to now ("3m ago", "in
// 2h 5m"), with the exact time in the configured zone, offset included,
// for where there is room (a tooltip, JSON).
package reltime

import (
	"fmt"
	"time"
)

// Relative writes t relative to now: "5s ago", "3m ago", "2h 7m ago", "3d
// ago" for the past ("just now" within a second), "in 5m" for the future
// ("in 1s" at the least), "never" for the zero time.
func Relative(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := now.Sub(t)
	switch {
	case d < 0:
		return "in " + span(max(-d, time.Second))
	case d < time.Second:
		return "just now"
	default:
		return span(d) + " ago"
	}
}

// span writes a positive duration to the precision a person wants.
func span(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		if m := int(d.Minutes()) % 60; m != 0 {
			return fmt.Sprintf("%dh %dm", int(d.Hours()), m)
		}
		return fmt.Sprintf("%dh", int(d.Hours()))
	default:
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	}
}

// Exact writes t in loc with its offset, to the minute: "2026-11-28 15:00
// +03:00". A nil loc is UTC; the zero time is "".
func Exact(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2006-01-02 15:04 -07:00")
}
