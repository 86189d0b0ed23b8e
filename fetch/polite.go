package fetch

import (
	"context"
	"strings"
	"sync"
	"time"
)

// sweepAbove is the number of known hosts above which idle hosts are
// forgotten, so that following article links to many sites does not grow
// the politeness table without bound.
const sweepAbove = 1024

// limiter enforces the global and per-host concurrency caps and the minimum
// delay between request starts to one host.
type limiter struct {
	global  chan struct{}
	perHost int
	delay   time.Duration
	now     func() time.Time
	sleep   func(ctx context.Context, d time.Duration) error

	mu    sync.Mutex
	hosts map[string]*hostSlot
	// delays are the longer delays hosts asked for (robots.txt
	// Crawl-delay), by host.
	delays map[string]time.Duration
}

// hostSlot is one host's politeness state. users and next are guarded by
// limiter.mu.
type hostSlot struct {
	name  string
	sem   chan struct{}
	users int       // callers between host() and release
	next  time.Time // earliest start of the next request
}

func newLimiter(global, perHost int, delay time.Duration) *limiter {
	return &limiter{
		global:  make(chan struct{}, global),
		perHost: perHost,
		delay:   delay,
		now:     time.Now,
		sleep:   sleep,
		hosts:   make(map[string]*hostSlot),
		delays:  make(map[string]time.Duration),
	}
}

// setDelay makes d the minimum delay between requests to host, when it is
// longer than the default, and reports whether that changed anything.
func (l *limiter) setDelay(host string, d time.Duration) bool {
	host = strings.ToLower(host)
	l.mu.Lock()
	defer l.mu.Unlock()
	if d <= l.delay {
		_, had := l.delays[host]
		delete(l.delays, host)
		return had
	}
	if l.delays[host] == d {
		return false
	}
	if len(l.delays) >= sweepAbove {
		clear(l.delays) // relearnt from the cached robots.txt on the next page
	}
	l.delays[host] = d
	return true
}

// acquire waits for a host slot, then for the host's delay, then for a global
// slot, and returns the function that releases both slots. Host slots come
// first so that requests waiting out a host's delay hold no global slot.
func (l *limiter) acquire(ctx context.Context, host string) (release func(), err error) {
	h := l.host(host)
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		l.leave(h)
		return nil, ctx.Err()
	}
	fail := func(err error) (func(), error) {
		<-h.sem
		l.leave(h)
		return nil, err
	}
	if d := l.reserve(h); d > 0 {
		if err := l.sleep(ctx, d); err != nil {
			return fail(err)
		}
	}
	select {
	case l.global <- struct{}{}:
	case <-ctx.Done():
		return fail(ctx.Err())
	}
	return func() { <-l.global; <-h.sem; l.leave(h) }, nil
}

// pause makes host's next request start no sooner than d from now.
func (l *limiter) pause(host string, d time.Duration) {
	host = strings.ToLower(host)
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.hosts[host]
	if !ok {
		// A host with no user is kept while its next start is ahead.
		h = &hostSlot{name: host, sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = h
	}
	if until := l.now().Add(d); until.After(h.next) {
		h.next = until
	}
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
	h.next = start.Add(max(l.delay, l.delays[h.name]))
	return start.Sub(now)
}

// host returns the slot for host, registering the caller as a user.
func (l *limiter) host(host string) *hostSlot {
	host = strings.ToLower(host)
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.hosts[host]
	if !ok {
		if len(l.hosts) >= sweepAbove {
			l.sweep()
		}
		h = &hostSlot{name: host, sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = h
	}
	h.users++
	return h
}

func (l *limiter) leave(h *hostSlot) {
	l.mu.Lock()
	h.users--
	l.mu.Unlock()
}

// sweep forgets hosts nobody is using whose delay has passed; forgetting
// them changes nothing. The caller holds l.mu.
func (l *limiter) sweep() {
	now := l.now()
	for name, h := range l.hosts {
		if h.users == 0 && !h.next.After(now) {
			delete(l.hosts, name)
		}
	}
}
