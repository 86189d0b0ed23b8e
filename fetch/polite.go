package fetch

import (
	"context"
	"strings"
	"sync"
	"time"
)

// limiter enforces the global and per-host concurrency caps and the minimum
// delay between request starts to one host.
type limiter struct {
	global  chan struct{}
	perHost int
	delay   time.Duration
	now     func() time.Time

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

// hostSlot is one host's politeness state.
type hostSlot struct {
	sem  chan struct{}
	next time.Time // earliest start of the next request
}

func newLimiter(global, perHost int, delay time.Duration) *limiter {
	return &limiter{
		global:  make(chan struct{}, global),
		perHost: perHost,
		delay:   delay,
		now:     time.Now,
		hosts:   make(map[string]*hostSlot),
	}
}

// acquire waits for a host slot, then for the host's delay, then for a global
// slot, and returns the function that releases both slots. Host slots come
// first so that requests waiting out a host's delay hold no global slot.
func (l *limiter) acquire(ctx context.Context, host string) (release func(), err error) {
	h := l.host(host)
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if err := sleep(ctx, l.reserve(h)); err != nil {
		<-h.sem
		return nil, err
	}
	select {
	case l.global <- struct{}{}:
	case <-ctx.Done():
		<-h.sem
		return nil, ctx.Err()
	}
	return func() { <-l.global; <-h.sem }, nil
}

// reserve books the host's next start time and returns how long to wait for it.
func (l *limiter) reserve(h *hostSlot) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	start := now
	if h.next.After(now) {
		start = h.next
	}
	h.next = start.Add(l.delay)
	return start.Sub(now)
}

func (l *limiter) host(host string) *hostSlot {
	host = strings.ToLower(host)
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.hosts[host]
	if !ok {
		h = &hostSlot{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = h
	}
	return h
}
