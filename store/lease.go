package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Leases divide the sources between the workers sharing one database.
//
// A worker polls a source only while it holds the source's lease, a row
// naming the worker and when the lease expires; it renews the lease while
// the poll runs and releases it when done, recording when the poll ended.
// A worker that dies stops renewing, and once its lease expires any other
// worker may take the source: the items it had saved are in the database,
// each source's items are saved in one transaction under unique keys, and
// validators are saved last, so nothing is lost or stored twice.
//
// Politeness to sites holds across the cluster because a source's lease
// comes with its host's: all the sources of one host being polled at a
// given moment are polled by the same worker, whose fetch client applies
// the per-host limits. Other workers leave the host alone until that
// worker's last source lease on it is released or expires.
//
// Leases are rows with an expiry, claimed by conditional upserts, rather
// than rows locked with SELECT … FOR UPDATE SKIP LOCKED: a poll takes
// seconds to minutes, and a row lock would hold a transaction and a
// connection open all that time; a lease row costs nothing between
// statements, shows `refeed status` who holds what, and runs the same on
// SQLite.

// Lease is one source's lease row.
type Lease struct {
	Source   string
	Host     string
	Holder   string    // the worker that holds or last held it
	Acquired time.Time // when Holder claimed it
	Expires  time.Time // zero once released
	Polled   time.Time // when the last poll of the source ended; zero: never
}

// Held reports whether the lease is held at time now.
func (l Lease) Held(now time.Time) bool { return l.Expires.After(now) }

// Claim is a request for a source's lease.
type Claim struct {
	Source, Host, Holder string
	// For is how long the lease lasts unless renewed.
	For time.Duration
	// Gap is how long after the end of the last poll (by any worker) the
	// source may be polled again; zero polls it whenever it is free.
	Gap time.Duration
}

// Refusal says why a claim was refused and until when.
type Refusal struct {
	// Holder is the worker holding the source or its host; empty when
	// the source was polled too recently.
	Holder string
	// HostBusy: another worker polls other sources of the same host.
	HostBusy bool
	// Until is when the reason ends at the latest: the lease expires, or
	// the gap since the last poll is over.
	Until time.Time
	// Polled is when the last poll ended, when that is the reason.
	Polled time.Time
}

// Error describes the refusal.
func (r *Refusal) Error() string {
	until := r.Until.UTC().Format(time.RFC3339)
	switch {
	case r.HostBusy:
		return fmt.Sprintf("store: worker %s is polling this host (lease until %s)", r.Holder, until)
	case r.Holder != "":
		return fmt.Sprintf("store: worker %s is polling this source (lease until %s)", r.Holder, until)
	}
	return "store: polled at " + r.Polled.UTC().Format(time.RFC3339) + " already; due again at " + until
}

// ClaimLease takes the source's lease and its host's for c.Holder at
// time now, when the source is free and due and no other worker holds the
// host. It returns a *Refusal when another worker has it, or polled it
// less than c.Gap ago; the claim then changes nothing.
func (s *Store) ClaimLease(ctx context.Context, c Claim, now time.Time) error {
	var refusal *Refusal
	expires := now.Add(c.For).UnixNano()
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO host_leases (host, holder, expires) VALUES (?, ?, ?)
			ON CONFLICT (host) DO UPDATE SET holder = excluded.holder,
				expires = CASE WHEN host_leases.holder = excluded.holder AND host_leases.expires > excluded.expires
					THEN host_leases.expires ELSE excluded.expires END
			WHERE host_leases.holder = excluded.holder OR host_leases.expires <= ?`,
			c.Host, c.Holder, expires, now.UnixNano())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				refusal, err = hostRefusal(ctx, tx, c.Host)
			}
			return err
		}
		res, err = tx.ExecContext(ctx, `
			INSERT INTO source_leases (source, host, holder, acquired, expires) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (source) DO UPDATE SET host = excluded.host, holder = excluded.holder,
				acquired = excluded.acquired, expires = excluded.expires
			WHERE source_leases.expires <= ? AND source_leases.polled <= ?`,
			c.Source, c.Host, c.Holder, now.UnixNano(), expires, now.UnixNano(), now.Add(-c.Gap).UnixNano())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				refusal, err = sourceRefusal(ctx, tx, c, now)
			}
			if err == nil {
				err = errRefused // roll the host claim back
			}
			return err
		}
		return nil
	})
	switch {
	case refusal != nil:
		return refusal
	case err != nil:
		return fmt.Errorf("store: claim lease of %s: %w", c.Source, err)
	}
	return nil
}

// errRefused rolls back a claim that took the host but not the source.
var errRefused = errors.New("lease refused")

func hostRefusal(ctx context.Context, tx *sql.Tx, host string) (*Refusal, error) {
	r := &Refusal{HostBusy: true}
	var until int64
	err := tx.QueryRowContext(ctx, `SELECT holder, expires FROM host_leases WHERE host = ?`, host).Scan(&r.Holder, &until)
	r.Until = time.Unix(0, until).UTC()
	return r, err
}

func sourceRefusal(ctx context.Context, tx *sql.Tx, c Claim, now time.Time) (*Refusal, error) {
	var holder string
	var expires, polled int64
	err := tx.QueryRowContext(ctx, `SELECT holder, expires, polled FROM source_leases WHERE source = ?`, c.Source).
		Scan(&holder, &expires, &polled)
	if err != nil {
		return nil, err
	}
	if expires > now.UnixNano() {
		return &Refusal{Holder: holder, Until: time.Unix(0, expires).UTC()}, nil
	}
	p := time.Unix(0, polled).UTC()
	return &Refusal{Until: p.Add(c.Gap), Polled: p}, nil
}

// RenewLease extends holder's lease of source, and of its host, to now+d.
// It reports false when holder no longer holds the source (its lease
// expired and another worker took it): the poll should stop.
func (s *Store) RenewLease(ctx context.Context, source, holder string, now time.Time, d time.Duration) (bool, error) {
	held := false
	expires := now.Add(d).UnixNano()
	err := s.write(ctx, func(tx *sql.Tx) error {
		var host string
		err := tx.QueryRowContext(ctx, `
			SELECT host FROM source_leases WHERE source = ? AND holder = ? AND expires > ?`,
			source, holder, now.UnixNano()).Scan(&host)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		held = true
		// Every write locks the host row before the source row, as a
		// claim does, so two workers' transactions never deadlock.
		if _, err := tx.ExecContext(ctx, `
			UPDATE host_leases SET expires = ? WHERE host = ? AND holder = ? AND expires < ?`,
			expires, host, holder, expires); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE source_leases SET expires = ? WHERE source = ?`, expires, source)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("store: renew lease of %s: %w", source, err)
	}
	return held, nil
}

// ReleaseLease gives up holder's lease of source, noting that its poll
// ended at polled (zero: the poll did not happen, keep the last time),
// and frees the host when holder polls no other source of it.
func (s *Store) ReleaseLease(ctx context.Context, source, holder string, polled, now time.Time) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var host string
		err := tx.QueryRowContext(ctx, `SELECT host FROM source_leases WHERE source = ? AND holder = ?`,
			source, holder).Scan(&host)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // taken over meanwhile: not ours to release
		}
		if err != nil {
			return err
		}
		// Host first, as in a claim (see RenewLease).
		if _, err := tx.ExecContext(ctx, `
			UPDATE host_leases SET expires = 0 WHERE host = ? AND holder = ? AND NOT EXISTS (
				SELECT 1 FROM source_leases
				WHERE host = ? AND holder = ? AND expires > ? AND source <> ?)`,
			host, holder, host, holder, now.UnixNano(), source); err != nil {
			return err
		}
		if polled.IsZero() {
			_, err = tx.ExecContext(ctx, `UPDATE source_leases SET expires = 0 WHERE source = ?`, source)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE source_leases SET expires = 0, polled = ? WHERE source = ?`,
				polled.UnixNano(), source)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("store: release lease of %s: %w", source, err)
	}
	return nil
}

// Leases returns every source's lease row, held or not, by source.
func (s *Store) Leases(ctx context.Context) ([]Lease, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT source, host, holder, acquired, expires, polled FROM source_leases ORDER BY source`)
	if err != nil {
		return nil, fmt.Errorf("store: leases: %w", classify(err))
	}
	defer rows.Close()
	var out []Lease
	for rows.Next() {
		var l Lease
		var acquired, expires, polled sql.NullInt64
		if err := rows.Scan(&l.Source, &l.Host, &l.Holder, &acquired, &expires, &polled); err != nil {
			return nil, fmt.Errorf("store: leases: %w", classify(err))
		}
		l.Acquired = fromNanos(acquired)
		l.Expires, l.Polled = fromNanosNonZero(expires), fromNanosNonZero(polled)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: leases: %w", classify(err))
	}
	return out, nil
}

// fromNanosNonZero decodes a time column where 0 means none.
func fromNanosNonZero(n sql.NullInt64) time.Time {
	if !n.Valid || n.Int64 == 0 {
		return time.Time{}
	}
	return fromNanos(n)
}
