package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"time"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
	"github.com/refeed/refeed/store"
)

// commonFlags are the flags every config-reading command takes.
type commonFlags struct {
	config    string
	logLevel  string
	logFormat string
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.config, "config", "sources.yaml", "path of the config `file`")
	fs.StringVar(&c.logLevel, "log-level", "info", "log `level`: debug, info, warn or error")
	fs.StringVar(&c.logFormat, "log-format", "text", "log `format`: text or json")
}

// setup reads the config and builds the logger. A bad config or flag is a
// usage error (exit 2).
func (c *commonFlags) setup(env *env) (*config.Config, *slog.Logger, error) {
	logger, err := c.newLogger(env)
	if err != nil {
		return nil, nil, err
	}
	cfg, err := config.ReadConfigFile(c.config)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, &usageError{fmt.Errorf("%s: no such config file; name yours with --config (README.md, \"Configuration\", shows one)", c.config)}
	}
	if err != nil {
		return nil, nil, &usageError{err}
	}
	return cfg, logger, nil
}

// newLogger builds the logger the flags ask for.
func (c *commonFlags) newLogger(env *env) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, &usageError{fmt.Errorf("--log-level: %w", err)}
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return nil, &usageError{fmt.Errorf("--log-format: want text or json, not %q", c.logFormat)}
	}
	return env.logger(level, c.logFormat), nil
}

func runRun(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "run")
	var common commonFlags
	common.register(fs)
	force := fs.Bool("force", false, "poll every source now, also those backing off after failures or still fresh by their server's word")
	var wf workerFlags
	wf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := wf.check("run"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Errorf("run: unexpected argument %q", fs.Arg(0))}
	}
	ws, err := common.openWorkspace(ctx, env, "run")
	if err != nil {
		return err
	}
	defer ws.Close()
	cfg, logger := ws.cfg, ws.logger
	warnUnpublished(cfg, logger)

	sites, err := refresh.LoadSiteRules(cfg, logger)
	if err != nil {
		return err
	}
	opts := refresh.Options{IgnoreBackoff: *force, SiteRules: sites}
	if ws.st.IsShared() {
		opts.Lease = wf.worker(ws.st, logger).runLease(time.Now())
	}
	runner := refresh.New(cfg, ws.st, ws.client, logger, opts)
	sum, err := runner.RunOnce(ctx)
	if err != nil {
		return err
	}
	if sum.Failed() > 0 {
		pe := &partialError{sources: len(sum.Sources)}
		for _, r := range sum.Sources {
			if r.Err != nil {
				pe.sourcesFailed++
			}
		}
		for _, f := range sum.Feeds {
			if f.Err != nil {
				pe.feedsFailed++
			}
		}
		return pe
	}
	return nil
}

// workspace is what run and serve both hold while they work: the config
// and logger the flags chose, the state, locked against other refeed
// processes, and the one fetch client.
type workspace struct {
	cfg     *config.Config
	logger  *slog.Logger
	st      *store.Store
	client  *fetch.Client
	release func() error
}

// openWorkspace reads the config, then takes the state's lock in the name
// of command ("run", "serve") and opens the state.
func (c *commonFlags) openWorkspace(ctx context.Context, env *env, command string) (*workspace, error) {
	cfg, logger, err := c.setup(env)
	if err != nil {
		return nil, err
	}
	// A SQLite file takes one refeed at a time; the workers sharing a
	// PostgreSQL database divide the sources between them by leases.
	release := func() error { return nil }
	if !store.IsPostgres(cfg.State) {
		if release, err = store.AcquireLock(cfg.State, command); err != nil {
			return nil, err
		}
	}
	st, err := store.Open(ctx, cfg.State)
	if err != nil {
		release()
		return nil, err
	}
	return &workspace{cfg: cfg, logger: logger, st: st,
		client: fetch.New(refresh.FetchOptions(cfg), logger), release: release}, nil
}

// Close closes the state and releases the lock.
func (w *workspace) Close() {
	w.client.Close()
	w.st.Close()
	w.release()
}

// warnUnpublished logs the sources no feed lists: polled for nothing, most
// likely by mistake.
func warnUnpublished(cfg *config.Config, logger *slog.Logger) {
	for _, src := range cfg.Unpublished() {
		logger.Warn("source is in no feed: it is polled, but nothing publishes it", "source", src.Name, "where", cfg.Where(src.Line))
	}
}
