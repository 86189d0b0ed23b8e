package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/metrics"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/schedule"
	"github.com/refeed/refeed/server"
	"github.com/refeed/refeed/store"
)

// serveOptions are the flags of "refeed serve" beyond the common ones.
type serveOptions struct {
	addr     string
	grace    time.Duration
	interval time.Duration // overrides every source's interval when > 0
	workerFlags
}

func runServe(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "serve")
	var common commonFlags
	common.register(fs)
	var opts serveOptions
	fs.StringVar(&opts.addr, "addr", "127.0.0.1:8080", "address (`host:port`) to listen on; port 0 picks a free one (the bound address is logged)")
	fs.DurationVar(&opts.grace, "shutdown-timeout", 10*time.Second, "how long in-flight polls, writes and requests may take to finish after SIGTERM")
	fs.DurationVar(&opts.interval, "interval", 0, "poll every source at this interval instead of the configured ones (0: use the config)")
	opts.workerFlags.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Errorf("serve: unexpected argument %q", fs.Arg(0))}
	}
	if opts.grace <= 0 || opts.interval < 0 {
		return &usageError{errors.New("serve: --shutdown-timeout must be positive and --interval not negative")}
	}
	if err := opts.workerFlags.check("serve"); err != nil {
		return err
	}
	ws, err := common.openWorkspace(ctx, env, "serve")
	if err != nil {
		return err
	}
	defer ws.Close()

	d, err := newDaemon(common.config, ws.cfg, ws.st, ws.client, ws.logger, opts)
	if err != nil {
		return err
	}
	err = d.serve(ctx)
	d.client.Close() // a reload may have replaced ws.client
	return err
}

// daemon is a running "refeed serve": the scheduler polling sources, the
// writer rebuilding feeds and the HTTP server, over a config that SIGHUP
// can replace.
type daemon struct {
	configPath string
	opts       serveOptions
	st         *store.Store
	// client is the fetch client of the running config; only the serve
	// goroutine (start-up and SIGHUP) replaces it.
	client  *fetch.Client
	logger  *slog.Logger
	metrics *metrics.Metrics
	sched   *schedule.Scheduler
	// worker shares the sources with other processes through leases when
	// the state is PostgreSQL; nil when this process has the state alone.
	worker *worker

	cfg    atomic.Pointer[config.Config]
	runner atomic.Pointer[refresh.Runner]
	// otf answers the on-the-fly endpoints under the running config.
	otf atomic.Pointer[onTheFly]
	// dirty holds a token when the feeds need rebuilding; the writer
	// takes it, so many polls in a row cost one rebuild.
	dirty chan struct{}
	// changed names the sources polled with changes since the last
	// rebuild; all asks for every feed (start-up, reload).
	changedMu sync.Mutex
	changed   map[string]bool
	all       bool
	// aborted is closed when work in flight must stop now: the grace
	// period is over or a second signal came.
	aborted   chan struct{}
	abortOnce sync.Once
}

func newDaemon(path string, cfg *config.Config, st *store.Store, client *fetch.Client, logger *slog.Logger, opts serveOptions) (*daemon, error) {
	d := &daemon{configPath: path, opts: opts, st: st, client: client, logger: logger,
		metrics: metrics.New(), dirty: make(chan struct{}, 1), aborted: make(chan struct{})}
	if st.IsShared() {
		d.worker = opts.workerFlags.worker(st, logger)
		d.metrics = metrics.NewWorker(d.worker.name)
	}
	if err := d.install(cfg, client); err != nil {
		return nil, err
	}
	// The daemon cancels polls itself when its grace period is over; the
	// scheduler's own, a little longer, only catches a poll that ignores
	// its context.
	d.sched = schedule.New(d.poll, schedule.Options{Grace: opts.grace + 2*time.Second, Logger: logger})
	return d, nil
}

// install makes cfg the running config, fetching through client, with its
// site rules loaded.
func (d *daemon) install(cfg *config.Config, client *fetch.Client) error {
	sites, err := refresh.LoadSiteRules(cfg, d.logger)
	if err != nil {
		return err
	}
	d.cfg.Store(cfg)
	warnUnpublished(cfg, d.logger)
	d.client = client
	d.runner.Store(refresh.New(cfg, d.st, client, d.logger, refresh.Options{Observer: d.metrics, SiteRules: sites, Interval: d.opts.interval}))
	// URLs users hand in are content: no host of theirs is trusted.
	guard := &fetch.Guard{Networks: cfg.OnTheFly.Networks, AllowKey: onTheFlyAllowKey}
	d.otf.Store(newOnTheFly(cfg, client, d.logger, sites, guard, d.metrics))
	return nil
}

// sources lists what the scheduler polls under cfg.
func (d *daemon) sources(cfg *config.Config) []schedule.Source {
	out := make([]schedule.Source, 0, len(cfg.Sources))
	for i := range cfg.Sources {
		src := &cfg.Sources[i]
		out = append(out, schedule.Source{Name: src.Name, Interval: d.runner.Load().Interval(src)})
	}
	return out
}

// serve runs until ctx is done, then shuts down within the grace period.
func (d *daemon) serve(ctx context.Context) error {
	// Catch SIGHUP before anyone can learn the address and send one: its
	// default action would kill the process.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	ln, err := net.Listen("tcp", d.opts.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	d.logger.Info("listening", "addr", ln.Addr().String(), "sources", len(d.cfg.Load().Sources))
	hs := d.httpServer()
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()

	// work outlives ctx so writes in flight at SIGTERM can finish; it
	// ends when the daemon aborts.
	work, cancelWork := d.abortable(context.WithoutCancel(ctx))
	defer cancelWork()
	runCtx, stopRun := context.WithCancel(ctx)
	defer stopRun()
	stopWriter, writerDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(writerDone)
		d.writeLoop(work, stopWriter)
	}()
	d.markDirty() // write the feeds from the state at once
	schedDone := make(chan error, 1)
	go func() { schedDone <- d.sched.Run(runCtx, d.sources(d.cfg.Load())) }()

	var fatal error
	for fatal == nil && runCtx.Err() == nil {
		select {
		case <-runCtx.Done():
		case <-hup:
			d.reload(runCtx)
		case err := <-serveErr:
			fatal = fmt.Errorf("serve: %w", err)
			stopRun()
		}
	}
	d.shutdown(hs, schedDone, stopWriter, writerDone)
	return fatal
}

// shutdown stops taking requests and polls, lets those in flight finish
// within the grace period, writes the feeds one last time and cancels
// whatever is still running when the period is over.
func (d *daemon) shutdown(hs *http.Server, schedDone <-chan error, stopWriter, writerDone chan struct{}) {
	start := time.Now()
	// Listen for the second signal before saying it may be sent.
	again := make(chan os.Signal, 1)
	signal.Notify(again, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(again)
	d.logger.Info("shutting down: finishing work in flight; signal again to stop at once", "grace", d.opts.grace)
	hard := time.AfterFunc(d.opts.grace, func() { d.abort("grace period over") })
	defer hard.Stop()
	go func() {
		select {
		case <-again:
			d.abort("second signal")
		case <-writerDone:
		}
	}()
	httpDone := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), d.opts.grace)
		defer cancel()
		httpDone <- hs.Shutdown(ctx)
	}()
	if err := <-schedDone; err != nil {
		d.logger.Warn("polls did not finish in time", "error", err)
	}
	close(stopWriter)
	<-writerDone
	if err := <-httpDone; err != nil {
		d.logger.Warn("http shutdown", "error", err)
		_ = hs.Close()
	}
	d.logger.Info("stopped", "duration", time.Since(start).Round(time.Millisecond))
}

func (d *daemon) httpServer() *http.Server {
	cfg := d.cfg.Load()
	h := server.New(server.Options{
		Dir: cfg.Output, Provider: d, Metrics: d.metrics.Handler(),
		Health: d.health, Logger: d.logger,
		BaseURL:  func() string { return d.cfg.Load().BaseURL },
		OnTheFly: func() *server.OnTheFly { return d.otf.Load().serverConfig(d.cfg.Load()) },
		Title:    func() string { return d.cfg.Load().Title },
		Location: func() *time.Location { return d.cfg.Load().Location },
	})
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(d.logger.Handler(), slog.LevelWarn),
	}
}

// health answers /healthz: the state database must answer a query.
func (d *daemon) health(ctx context.Context) error {
	_, err := d.st.SchemaVersion(ctx)
	return err
}

// abort cancels all work in flight, logging why the first time.
func (d *daemon) abort(why string) {
	d.abortOnce.Do(func() {
		d.logger.Warn(why+": cancelling work in flight", "grace", d.opts.grace)
		close(d.aborted)
	})
}

// abortable returns a context derived from ctx that also ends on abort.
func (d *daemon) abortable(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		select {
		case <-d.aborted:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}
