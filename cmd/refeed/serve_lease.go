package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/schedule"
	"github.com/refeed/refeed/store"
)

// DefaultLease is how long a worker's claim on a source lasts unless it
// renews it (see store.ClaimLease); --lease sets it.
const DefaultLease = 2 * time.Minute

// worker is this process as one of the refeed processes sharing a
// PostgreSQL state: it polls a source only while it holds the source's
// lease, renews the lease while the poll runs, and releases it after.
type worker struct {
	st     *store.Store
	name   string
	lease  time.Duration
	logger *slog.Logger
}

// workerFlags are the flags of run and serve for a shared state.
type workerFlags struct {
	name  string        // this worker's name in leases, status and metrics
	lease time.Duration // how long a source's lease lasts unless renewed
}

func (f *workerFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.name, "worker", "", "with a PostgreSQL state: this worker's `NAME` in leases, status and metrics (default HOSTNAME-PID)")
	fs.DurationVar(&f.lease, "lease", DefaultLease, "with a PostgreSQL state: how long a source stays claimed by a worker that stopped renewing its lease (died)")
}

func (f *workerFlags) check(cmd string) error {
	if f.lease < time.Second {
		return &usageError{fmt.Errorf("%s: --lease must be at least 1s", cmd)}
	}
	return nil
}

// worker returns this process as a worker on the shared state st.
func (f *workerFlags) worker(st *store.Store, logger *slog.Logger) *worker {
	if f.name == "" {
		f.name = defaultWorkerName()
	}
	logger.Info("sharing the state with other workers", "worker", f.name, "lease", f.lease)
	return &worker{st: st, name: f.name, lease: f.lease, logger: logger}
}

// defaultWorkerName names this process in leases, logs and metrics.
func defaultWorkerName() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "refeed"
	}
	return fmt.Sprintf("%s-%d", host, os.Getpid())
}

// hold claims the lease of the source name, on host, unless another worker
// holds it or polled it less than gap ago; then it returns a
// *schedule.Deferral until the source may be free. While the lease is
// held it is renewed every third of its length; the returned context ends
// if it is lost all the same (this worker stalled past it and another took
// over). done releases the lease; polled says the poll ran to its end, so
// the others wait gap before polling the source again.
func (w *worker) hold(ctx context.Context, name, host string, gap time.Duration) (pctx context.Context, done func(polled bool), err error) {
	now := time.Now()
	err = w.st.ClaimLease(ctx, store.Claim{Source: name, Host: host, Holder: w.name, For: w.lease, Gap: gap}, now)
	var refused *store.Refusal
	if errors.As(err, &refused) {
		wait := refused.Until.Sub(now)
		if refused.HostBusy {
			// The host's holder may finish any moment; look again soon.
			wait = min(wait, hostRetry)
		}
		return nil, nil, &schedule.Deferral{Wait: max(wait, 0) + 50*time.Millisecond, Err: refused}
	}
	if err != nil {
		return nil, nil, err
	}
	pctx, cancel := context.WithCancel(ctx)
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		w.renew(pctx, cancel, name, stop)
	}()
	return pctx, func(polled bool) {
		close(stop)
		<-stopped
		cancel()
		end := time.Now()
		var at time.Time
		if polled {
			at = end
		}
		// Release even when ctx is cancelled: the others need not wait
		// for the lease to expire.
		rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer rcancel()
		if err := w.st.ReleaseLease(rctx, name, w.name, at, end); err != nil {
			w.logger.Warn("cannot release lease: it expires by itself", "source", name, "error", err)
		}
	}, nil
}

// runLease is hold for a "refeed run" that started at start, as a
// refresh.Lease: it takes any source no other worker is polling and none
// polled since start (so that runs at the same time share the sources,
// and a later run polls them all again), and waits while another worker
// polls other sources of its host.
func (w *worker) runLease(start time.Time) refresh.Lease {
	return func(ctx context.Context, src *config.Source) (context.Context, func(bool), error) {
		return w.holdForRun(ctx, src, start)
	}
}

func (w *worker) holdForRun(ctx context.Context, src *config.Source, start time.Time) (context.Context, func(bool), error) {
	for {
		held, done, err := w.hold(ctx, src.Name, refresh.SourceHost(src.URL), time.Since(start))
		var refused *store.Refusal
		if !errors.As(err, &refused) || !refused.HostBusy {
			if refused != nil {
				return nil, nil, refused
			}
			return held, done, err
		}
		var def *schedule.Deferral
		errors.As(err, &def)
		t := time.NewTimer(def.Wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, nil, ctx.Err()
		case <-t.C:
		}
	}
}

// renew extends the lease of name until stop is closed, and cancels the
// poll when the lease was lost.
func (w *worker) renew(ctx context.Context, cancel context.CancelFunc, name string, stop <-chan struct{}) {
	t := time.NewTicker(w.lease / 3)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ctx.Done():
			return
		case <-t.C:
		}
		held, err := w.st.RenewLease(ctx, name, w.name, time.Now(), w.lease)
		switch {
		case err != nil:
			w.logger.Warn("cannot renew lease", "source", name, "error", err)
		case !held:
			w.logger.Warn("lease lost to another worker: stopping this poll", "source", name)
			cancel()
			return
		}
	}
}

// hostRetry is how soon a worker looks again at a source whose host
// another worker is polling: that worker may be done any moment, and a
// claim is one cheap statement.
const hostRetry = time.Second
