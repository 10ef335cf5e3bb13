package usage

import (
	"bytes"
	"cmp"
	"context"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
	"github.com/vigil-sec/vigil/internal/model"
)

// Report is the usage found in a set of logs.
type Report struct {
	// Since and Until are the window read; zero is open.
	Since, Until time.Time
	Stats        Stats
	Diagnostics  model.Diagnostics
	// Principals holds the usage of each principal the selector matched,
	// sorted by principal.
	Principals []*Usage
	// NotAPICalls counts records that need no permission of the identity:
	// service events, console sign-ins, Insights events.
	NotAPICalls int
	// Unattributed counts API calls whose record names no identity.
	Unattributed int
	// Unselected counts API calls of principals the selector excluded.
	Unselected int
}

// Usage is what one principal did.
type Usage struct {
	Principal Principal
	// Calls counts the principal's API calls, allowed or denied.
	Calls int
	// First and Last bound the calls' times.
	First, Last time.Time
	// Actions are the actions the principal used, by catalogue order.
	Actions []*ActionUse
	// Denied are the actions the principal tried and was refused, by
	// catalogue order. An action may be in both lists (allowed on one
	// resource, refused on another).
	Denied []*ActionUse
	// Unmapped lists calls that map to no catalogue action.
	Unmapped []Unmapped
	// NoPermission counts calls AWS allows without any policy
	// (sts:GetCallerIdentity).
	NoPermission int
}

// ActionUse is one action's use by one principal.
type ActionUse struct {
	Action *catalog.Action
	// Denied marks attempts that were refused.
	Denied bool
	Calls  int
	// First and Last bound the calls' times.
	First, Last time.Time
	// Resources are the resources the calls named, as a policy must write
	// them, sorted by ARN.
	Resources []ResourceUse
	// Underived counts calls whose resources the log does not say; when
	// it is not zero, a policy must allow the action on "*".
	Underived int
}

// ResourceUse is a resource an action was used on.
type ResourceUse struct {
	// ARN is the ARN or pattern a policy names: literal '*', '?' and '$'
	// are escaped ("${*}"), and a wildcard stands only for what the log
	// cannot say (an S3 multi-object delete's keys, a secret's random
	// suffix, an IAM entity's path).
	ARN  string
	Type *catalog.ResourceType
}

// Wildcard says why a policy must allow an action on "*".
type Wildcard uint8

// Why an action is allowed on "*".
const (
	// NotWildcard means the action's resources are known.
	NotWildcard Wildcard = iota
	// TakesNoResource means the action has no resource type: IAM only
	// accepts "*" for it.
	TakesNoResource
	// ResourceUnknown means some call's resource could not be derived
	// from the log.
	ResourceUnknown
)

func (w Wildcard) String() string {
	switch w {
	case TakesNoResource:
		return "the action takes no resource"
	case ResourceUnknown:
		return "the log does not name the resource of every call"
	}
	return "resources known"
}

// Wildcard says whether and why a policy must allow the action on "*".
func (a *ActionUse) Wildcard() Wildcard {
	switch {
	case len(a.Action.Resources) == 0:
		return TakesNoResource
	case a.Underived > 0:
		return ResourceUnknown
	}
	return NotWildcard
}

// Unmapped is an (event source, event name) pair no catalogue action
// matches, with how often the principal called it.
type Unmapped struct {
	Source, Name string
	Calls        int
	// Denied counts the calls that were refused.
	Denied int
	Reason string
}

// Collect reads the logs under fsys and returns the usage of the principals
// sel matches (every principal for the zero Selector). The error is the
// context's or one reading the root of fsys; problems with files are
// diagnostics.
func Collect(ctx context.Context, fsys fs.FS, cat *catalog.Catalog, sel Selector, opts ReadOptions) (*Report, error) {
	c := NewCollector(cat, sel)
	st, diags, err := Read(ctx, fsys, opts, c.Add)
	if err != nil {
		return nil, err
	}
	r := c.Report()
	r.Since, r.Until, r.Stats, r.Diagnostics = opts.Since, opts.Until, st, diags
	return r, nil
}

// Usage returns the usage of the first principal sel matches, or nil.
func (r *Report) Usage(sel Selector) *Usage {
	for _, u := range r.Principals {
		if sel.Match(u.Principal) {
			return u
		}
	}
	return nil
}

// Collector aggregates events into usage. It is not safe for concurrent
// use; Read calls its function from one goroutine at a time.
type Collector struct {
	cat  *catalog.Catalog
	sel  Selector
	maps map[eventKey]*mapping
	// exact finds a principal as the event names it; folded, by the key
	// IAM's uniqueness rules give it.
	exact  map[Principal]*principalAgg
	folded map[string]*principalAgg
	report Report
	// targets and grants are scratch buffers.
	targets []target
	grants  []ResourceUse
}

type eventKey struct{ source, name string }

type principalAgg struct {
	u        Usage
	allowed  map[int]*actionAgg
	denied   map[int]*actionAgg
	unmapped map[Unmapped]*Unmapped
}

type actionAgg struct {
	use       ActionUse
	resources map[string]*catalog.ResourceType
}

// NewCollector returns a collector of the usage of the principals sel
// matches.
func NewCollector(cat *catalog.Catalog, sel Selector) *Collector {
	return &Collector{
		cat:    cat,
		sel:    sel,
		maps:   map[eventKey]*mapping{},
		exact:  map[Principal]*principalAgg{},
		folded: map[string]*principalAgg{},
	}
}

// Add records one event.
func (c *Collector) Add(e *Event) {
	if !e.IsAPICall() {
		c.report.NotAPICalls++
		return
	}
	p, ok := e.Principal()
	if !ok {
		c.report.Unattributed++
		return
	}
	if !c.sel.Match(p) {
		c.report.Unselected++
		return
	}
	agg := c.principal(p)
	agg.u.Calls++
	agg.u.First, agg.u.Last = earliest(agg.u.First, e.Time), latest(agg.u.Last, e.Time)
	k := eventKey{e.Source, e.Name}
	m := c.maps[k]
	if m == nil {
		mm := mapEvent(c.cat, e.Source, e.Name)
		m = &mm
		c.maps[k] = m
	}
	denied := e.Denied()
	switch {
	case m.free:
		agg.u.NoPermission++
		return
	case len(m.actions) == 0:
		key := Unmapped{Source: e.Source, Name: e.Name, Reason: m.reason}
		um := agg.unmapped[key]
		if um == nil {
			um = &key
			agg.unmapped[key] = um
		}
		um.Calls++
		if denied {
			um.Denied++
		}
		return
	}
	var req *requestParams
	request := func() *requestParams {
		if req == nil {
			p := params(e)
			req = &p
		}
		return req
	}
	for i, a := range m.actions {
		if m.prefix == "s3" && bytes.Contains(e.Request, []byte(`"versionId"`)) && request().VersionID != "" {
			if v, ok := versionedS3[a.Name]; ok {
				if va := c.cat.Action("s3:" + v); va != nil {
					a = va
				}
			}
		}
		// renames lists a copy's write to the destination first, then
		// its read of the source.
		copySource := m.prefix == "s3" && i == 1 && (e.Name == "CopyObject" || e.Name == "UploadPartCopy")
		grants, derived := c.resolve(e, m.prefix, a, copySource, request)
		actions := agg.allowed
		if denied {
			actions = agg.denied
		}
		aa := actions[a.ID]
		if aa == nil {
			aa = &actionAgg{use: ActionUse{Action: a, Denied: denied}, resources: map[string]*catalog.ResourceType{}}
			actions[a.ID] = aa
		}
		aa.use.Calls++
		aa.use.First, aa.use.Last = earliest(aa.use.First, e.Time), latest(aa.use.Last, e.Time)
		if !derived {
			aa.use.Underived++
		}
		for _, g := range grants {
			if _, ok := aa.resources[g.ARN]; !ok {
				aa.resources[g.ARN] = g.Type
			}
		}
	}
}

// resolve finds the resources of one action of an event. derived is false
// when the action takes resources and the log does not name them all.
func (c *Collector) resolve(e *Event, prefix string, a *catalog.Action, copySource bool, request func() *requestParams) (grants []ResourceUse, derived bool) {
	if len(a.Resources) == 0 {
		return nil, true
	}
	c.targets = c.targets[:0]
	if !copySource {
		for _, r := range e.Resources {
			if strings.HasPrefix(r.ARN, "arn:") {
				c.targets = append(c.targets, newTarget(r.ARN))
			}
		}
		if g, ok := c.cover(a); ok {
			return g, true
		}
	}
	c.targets = requestTargets(e, request(), prefix, copySource, c.targets)
	return c.cover(a)
}

// cover matches the targets against the action's resource types. An action
// with several required resource types (ec2:RunInstances) needs each of
// them; otherwise one matching target will do.
func (c *Collector) cover(a *catalog.Action) ([]ResourceUse, bool) {
	c.grants = c.grants[:0]
	required, covered, matched := 0, 0, false
	for _, ref := range a.Resources {
		hit := false
		for _, t := range c.targets {
			if ref.Type.Matches(t.match) {
				c.grants = append(c.grants, ResourceUse{ARN: t.grant, Type: ref.Type})
				hit = true
			}
		}
		if ref.Required {
			required++
			if hit {
				covered++
			}
		}
		matched = matched || hit
	}
	if required > 1 {
		return c.grants, covered == required
	}
	return c.grants, matched
}

// principal finds or makes the aggregate of p.
func (c *Collector) principal(p Principal) *principalAgg {
	if agg := c.exact[p]; agg != nil {
		return agg
	}
	key := p.key()
	agg := c.folded[key]
	if agg == nil {
		agg = &principalAgg{
			u:        Usage{Principal: p},
			allowed:  map[int]*actionAgg{},
			denied:   map[int]*actionAgg{},
			unmapped: map[Unmapped]*Unmapped{},
		}
		c.folded[key] = agg
	} else if len(p.ARN) > len(agg.u.Principal.ARN) {
		// A role seen through its session ARN has no path; the
		// issuer's ARN, seen now, does.
		agg.u.Principal.ARN = p.ARN
	}
	c.exact[p] = agg
	return agg
}

// Report returns the usage collected so far.
func (c *Collector) Report() *Report {
	r := c.report
	r.Principals = make([]*Usage, 0, len(c.folded))
	for _, agg := range c.folded {
		u := agg.u
		u.Actions = actionUses(agg.allowed)
		u.Denied = actionUses(agg.denied)
		u.Unmapped = make([]Unmapped, 0, len(agg.unmapped))
		for _, um := range agg.unmapped {
			u.Unmapped = append(u.Unmapped, *um)
		}
		slices.SortFunc(u.Unmapped, func(a, b Unmapped) int {
			return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Name, b.Name))
		})
		r.Principals = append(r.Principals, &u)
	}
	slices.SortFunc(r.Principals, func(a, b *Usage) int {
		return cmp.Or(cmp.Compare(a.Principal.Kind, b.Principal.Kind), cmp.Compare(a.Principal.Account, b.Principal.Account),
			cmp.Compare(strings.ToLower(a.Principal.Name), strings.ToLower(b.Principal.Name)), cmp.Compare(a.Principal.ARN, b.Principal.ARN))
	})
	return &r
}

func actionUses(m map[int]*actionAgg) []*ActionUse {
	out := make([]*ActionUse, 0, len(m))
	for _, aa := range m {
		u := aa.use
		u.Resources = make([]ResourceUse, 0, len(aa.resources))
		for arn, t := range aa.resources {
			u.Resources = append(u.Resources, ResourceUse{ARN: arn, Type: t})
		}
		slices.SortFunc(u.Resources, func(a, b ResourceUse) int { return cmp.Compare(a.ARN, b.ARN) })
		out = append(out, &u)
	}
	slices.SortFunc(out, func(a, b *ActionUse) int { return cmp.Compare(a.Action.ID, b.Action.ID) })
	return out
}

func earliest(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
