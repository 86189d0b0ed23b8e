package fetch

import (
	"cmp"
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// guardedClients holds one http.Client per set of allowed networks for the
// hops a Guard does not trust. Their connections are pooled apart from the
// trusted ones: a connection a source's own host was allowed to open on
// the LAN is never reused by a link from another source's content.
type guardedClients struct {
	mu sync.Mutex
	m  map[string]*http.Client
}

// httpFor returns the http.Client for a hop to u under g.
func (c *Client) httpFor(g *Guard, u *url.URL) *http.Client {
	if g.Trusts(u.Host) {
		return c.http
	}
	key := g.AllowKey + "|" + prefixesKey(g.Networks)
	c.guarded.mu.Lock()
	defer c.guarded.mu.Unlock()
	if hc, ok := c.guarded.m[key]; ok {
		return hc
	}
	d := &guardedDialer{networks: slices.Clone(g.Networks), allowKey: g.AllowKey,
		lookup: c.lookup, dial: c.dialIP, timeout: c.opts.ConnectTimeout}
	hc := &http.Client{Transport: newTransport(c.opts, d.DialContext), CheckRedirect: c.http.CheckRedirect}
	if c.guarded.m == nil {
		c.guarded.m = make(map[string]*http.Client)
	}
	c.guarded.m[key] = hc
	return hc
}

func (gc *guardedClients) closeIdle() {
	gc.mu.Lock()
	defer gc.mu.Unlock()
	for _, hc := range gc.m {
		hc.CloseIdleConnections()
	}
}

func prefixesKey(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	slices.Sort(s)
	return strings.Join(s, ",")
}

// guardedDialer resolves a host itself, keeps only the addresses the
// networks allow, and dials those very addresses, so the address checked
// is the address connected to. The dial's Control checks it once more.
type guardedDialer struct {
	networks []netip.Prefix
	allowKey string
	// lookup resolves a host name; dial connects to an "ip:port". Tests
	// replace them (see export_test.go); nil means the system's.
	lookup  func(ctx context.Context, host string) ([]netip.Addr, error)
	dial    func(ctx context.Context, network, address string) (net.Conn, error)
	timeout time.Duration
}

// DialContext dials address ("host:port") for an untrusted hop.
func (d *guardedDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, portText, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portText, 10, 16)
	if err != nil {
		return nil, err
	}
	ips, err := d.resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	var refused, failed error
	for _, ip := range ips {
		if !allowed(ip, d.networks) {
			refused = cmp.Or(refused, error(&refusal{host: host, ip: ip, allowKey: d.allowKey}))
			continue
		}
		conn, err := d.dialIP(ctx, network, netip.AddrPortFrom(ip, uint16(port)).String())
		if err == nil {
			return conn, nil
		}
		failed = err
	}
	return nil, cmp.Or(failed, refused, errors.New("no address"))
}

// resolve returns host's addresses, IPv4 first (a server's broken IPv6
// route then costs nothing); an address literal is itself.
func (d *guardedDialer) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if ip, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{ip}, nil
	}
	lookup := d.lookup
	if lookup == nil {
		lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	ips, err := lookup(ctx, host)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(ips, func(a, b netip.Addr) int {
		return cmp.Compare(btoi(!a.Unmap().Is4()), btoi(!b.Unmap().Is4()))
	})
	return ips, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (d *guardedDialer) dialIP(ctx context.Context, network, address string) (net.Conn, error) {
	if d.dial != nil {
		return d.dial(ctx, network, address)
	}
	dialer := &net.Dialer{Timeout: d.timeout, KeepAlive: 30 * time.Second, Control: d.control}
	return dialer.DialContext(ctx, network, address)
}

// control checks, on the socket about to connect, the address it connects
// to: the last word, whatever resolved it.
func (d *guardedDialer) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return err
	}
	if !allowed(ap.Addr(), d.networks) {
		return &refusal{ip: ap.Addr(), allowKey: d.allowKey}
	}
	return nil
}
