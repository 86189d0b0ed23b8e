package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// notCopied are the tables CopyTo leaves alone: the schema version each
// store keeps for itself, and leases, which belong to running workers.
var notCopied = map[string]bool{"schema_version": true, "source_leases": true, "host_leases": true}

// TableCount is how many rows CopyTo copied into one table.
type TableCount struct {
	Table string
	Rows  int64
}

// CopyTo copies the whole state of s into dst, such as a SQLite file into
// a PostgreSQL database (`refeed migrate-state`): items, validators,
// article failures, source health, feed fingerprints, discovered feeds,
// and any table a later migration adds. dst must hold no state yet; the
// copy is one transaction on dst, so a failure leaves it empty. Both
// stores are opened by this refeed, so their schemas are the same
// version.
func (s *Store) CopyTo(ctx context.Context, dst *Store) ([]TableCount, error) {
	tables, err := s.tables(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: copy %s: %w", s.path, err)
	}
	var counts []TableCount
	err = dst.write(ctx, func(tx *sql.Tx) error {
		for _, t := range tables {
			var n int64
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return fmt.Errorf("%s already holds state (%d rows in %s): copy into an empty database only", dst.path, n, t)
			}
		}
		for _, t := range tables {
			n, err := s.copyTable(ctx, tx, t)
			if err != nil {
				return fmt.Errorf("table %s: %w", t, err)
			}
			counts = append(counts, TableCount{Table: t, Rows: n})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: copy %s to %s: %w", s.path, dst.path, err)
	}
	return counts, nil
}

// tables lists the tables of s's schema that CopyTo copies, by name.
func (s *Store) tables(ctx context.Context) ([]string, error) {
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name`
	if s.pg {
		q = `SELECT table_name FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	rows, err := s.r.QueryContext(ctx, q)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, classify(err)
		}
		if !notCopied[name] {
			out = append(out, name)
		}
	}
	return out, classify(rows.Err())
}

// copyTable streams the rows of table from s into tx, column by column
// as they are named in s.
func (s *Store) copyTable(ctx context.Context, tx *sql.Tx, table string) (int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return 0, classify(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	ins, err := tx.PrepareContext(ctx, `INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES (`+marks+`)`)
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, classify(err)
		}
		if _, err := ins.ExecContext(ctx, vals...); err != nil {
			return n, err
		}
		n++
	}
	return n, classify(rows.Err())
}
