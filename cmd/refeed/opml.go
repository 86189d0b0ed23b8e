package main

import (
	"context"
	"errors"
)

func runImportOPML(ctx context.Context, env *env, args []string) error {
	return errors.New("import-opml: not implemented yet")
}

func runExportOPML(ctx context.Context, env *env, args []string) error {
	return errors.New("export-opml: not implemented yet")
}
