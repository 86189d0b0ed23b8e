package refresh

import (
	"context"
	"errors"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/store"
)

// Lease claims a source for this process among the workers sharing a
// state (see store.ClaimLease). It returns a context that ends if the
// lease is lost, and done, to be called when the poll is over (polled:
// it ran to its end). A *store.Refusal error means another worker has
// the source: it is skipped, which is no failure.
type Lease func(ctx context.Context, src *config.Source) (held context.Context, done func(polled bool), err error)

// leasedRefresh is safeRefresh under the source's lease, when the Runner
// shares its state with other workers.
func (r *Runner) leasedRefresh(ctx context.Context, src *config.Source) SourceResult {
	if r.lease == nil {
		return r.safeRefresh(ctx, src)
	}
	held, done, err := r.lease(ctx, src)
	var refused *store.Refusal
	switch {
	case errors.As(err, &refused):
		r.log.Info("source skipped: another worker has it", "source", src.Name, "reason", refused.Error())
		return SourceResult{Source: src.Name, LeasedBy: refused.Holder}
	case err != nil:
		return SourceResult{Source: src.Name, Err: err}
	}
	res := r.safeRefresh(held, src)
	done(held.Err() == nil)
	return res
}
