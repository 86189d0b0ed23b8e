package schedule

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

func TestSpread(t *testing.T) {
	const d = 10 * time.Minute
	tests := []struct {
		jitter, r float64
		want      time.Duration
	}{
		{0.1, 0, 9 * time.Minute},
		{0.1, 0.5, d},
		{0.1, 0.75, 10*time.Minute + 30*time.Second},
		{0, 0.99, d},
		{-1, 0.99, d},
		{5, 0, 0}, // jitter over 1 is clamped to 1
	}
	for _, tt := range tests {
		if got := spread(d, tt.jitter, tt.r); got != tt.want {
			t.Errorf("spread(%v, %v, %v) = %v, want %v", d, tt.jitter, tt.r, got, tt.want)
		}
	}
}

func TestNextDelayJitterBounds(t *testing.T) {
	const interval = 15 * time.Minute
	jitter := 0.1
	rng := rand.New(rand.NewPCG(1, 2))
	lo, hi := time.Duration(float64(interval)*(1-jitter)), time.Duration(float64(interval)*(1+jitter))
	var seenLow, seenHigh bool
	for range 10000 {
		d := nextDelay(interval, nil, jitter, rng.Float64())
		if d < lo || d >= hi {
			t.Fatalf("delay %v outside [%v, %v)", d, lo, hi)
		}
		seenLow = seenLow || d < interval-interval/20
		seenHigh = seenHigh || d > interval+interval/20
	}
	if !seenLow || !seenHigh {
		t.Errorf("jitter does not spread both ways (low %v, high %v)", seenLow, seenHigh)
	}
}

func TestNextDelayRetryAfter(t *testing.T) {
	wrapped := fmt.Errorf("fetch: %w", retryErr(2*time.Hour))
	tests := []struct {
		name string
		err  error
		want time.Duration
	}{
		{"plain error waits the interval", errors.New("x"), 10 * time.Minute},
		{"longer retry-after is waited", wrapped, 2 * time.Hour},
		{"shorter retry-after is waited too", retryErr(time.Minute), time.Minute},
		{"deferral waits what it asks", &Deferral{Wait: 3 * time.Minute}, 3 * time.Minute},
		{"wrapped deferral", fmt.Errorf("x: %w", &Deferral{Wait: time.Hour}), time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nextDelay(10*time.Minute, tt.err, -1, 0); got != tt.want {
				t.Errorf("nextDelay = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAskedWaitJitterOnlyLater(t *testing.T) {
	for _, err := range []error{&Deferral{Wait: 10 * time.Minute}, retryErr(10 * time.Minute)} {
		for _, r := range []float64{0, 0.5, 0.999} {
			d := nextDelay(time.Minute, err, 0.1, r)
			if d < 10*time.Minute || d >= 11*time.Minute {
				t.Errorf("%T r=%v: delay %v outside [10m, 11m)", err, r, d)
			}
		}
	}
}

func TestAskedWaitJitterIsBounded(t *testing.T) {
	if d := nextDelay(time.Minute, retryErr(6*time.Hour), 0.1, 0.999); d > 6*time.Hour+maxLateJitter {
		t.Errorf("a 6h backoff waits %v: more than %v late", d, maxLateJitter)
	}
}
