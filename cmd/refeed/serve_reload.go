package main

import (
	"context"
	"errors"
	"reflect"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

// reload reads the config file again. A config that does not validate, or
// that moves the state or output folder, is rejected with its errors logged
// and the running one stays.
func (d *daemon) reload(ctx context.Context) {
	d.logger.Info("reloading config", "file", d.configPath)
	cfg, err := config.ReadConfigFile(d.configPath)
	if err != nil {
		var errs config.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				d.logger.Error("config error", "error", e.Error())
			}
		}
		d.logger.Error("reload rejected, keeping the running config", "error", err)
		return
	}
	old := d.cfg.Load()
	if cfg.State != old.State || cfg.Output != old.Output {
		d.logger.Error("reload rejected, keeping the running config: state and output cannot change without a restart",
			"state", cfg.State, "output", cfg.Output)
		return
	}
	prev, client := d.client, d.client
	fetchChanged := !reflect.DeepEqual(refresh.FetchOptions(cfg), refresh.FetchOptions(old))
	if fetchChanged {
		client = fetch.New(refresh.FetchOptions(cfg), d.logger)
	}
	if err := d.install(cfg, client); err != nil {
		d.logger.Error("reload rejected, keeping the running config", "error", err)
		return
	}
	if fetchChanged {
		// Polls in flight finish on the old client; its per-host limits
		// no longer count for the new one's requests.
		prev.Close()
		d.logger.Info("fetch settings changed; new requests use them")
	}
	if err := d.sched.Update(ctx, d.sources(cfg)); err != nil {
		d.logger.Error("cannot reschedule sources", "error", err)
	}
	d.forgetFeeds(old, cfg)
	d.markDirty()
	d.logger.Info("config reloaded", "sources", len(cfg.Sources), "feeds", len(cfg.Feeds))
}

// forgetFeeds drops the metrics of feeds that left the config.
func (d *daemon) forgetFeeds(old, cfg *config.Config) {
	keep := make(map[string]bool, len(cfg.Feeds))
	for _, f := range cfg.Feeds {
		keep[f.Name] = true
	}
	for _, f := range old.Feeds {
		if !keep[f.Name] {
			d.metrics.DeleteFeed(f.Name)
		}
	}
}
