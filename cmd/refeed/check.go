package main

import (
	"context"
	"fmt"
)

func runCheck(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "check")
	var common commonFlags
	common.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Errorf("check: unexpected argument %q", fs.Arg(0))}
	}
	cfg, _, err := common.setup(env)
	if err != nil {
		// Print every problem on its own line, as FILE:LINE: message.
		fmt.Fprintln(env.stderr, err)
		return &usageError{fmt.Errorf("check: %s is not valid", common.config)}
	}
	fmt.Fprintf(env.stdout, "%s: ok (%s, %s)\n", common.config, countOf(len(cfg.Sources), "source"), countOf(len(cfg.Feeds), "feed"))
	return nil
}

// countOf writes n and noun, in the plural unless n is 1.
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
