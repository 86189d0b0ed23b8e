package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/refeed/refeed/store"
)

// runMigrateState copies the config's state into another database, such
// as a SQLite file into the PostgreSQL database several workers will
// share. The source is locked meanwhile; the target must be empty.
func runMigrateState(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "migrate-state")
	var common commonFlags
	common.register(fs)
	to := fs.String("to", "", "the empty database to copy the state into, a `URL` such as postgres://USER@HOST/DB?sslmode=require (or a SQLite file)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Errorf("migrate-state: unexpected argument %q", fs.Arg(0))}
	}
	if *to == "" {
		return &usageError{errors.New("migrate-state: --to is required: the database to copy the state into, such as postgres://refeed@db.example/refeed?sslmode=require")}
	}
	cfg, _, err := common.setup(env)
	if err != nil {
		return err
	}
	if !store.IsPostgres(cfg.State) {
		if _, err := os.Stat(cfg.State); err != nil {
			return fmt.Errorf("migrate-state: no state to copy at %s (state: in %s): %w", cfg.State, common.config, err)
		}
		// No run may change the state while it is copied.
		release, err := store.AcquireLock(cfg.State, "migrate-state")
		if err != nil {
			return fmt.Errorf("migrate-state: %w; stop refeed first", err)
		}
		defer release()
	}
	src, err := store.Open(ctx, cfg.State)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	counts, err := src.CopyTo(ctx, dst)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "copied %s to %s:\n", src.Path(), dst.Path())
	for _, c := range counts {
		fmt.Fprintf(tw, "  %s\t%d rows\n", c.Table, c.Rows)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Now set \"state: %s\" in %s (with the password, if any) and start the workers.\n", dst.Path(), common.config)
	return nil
}
