package escalation

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/vigil-sec/vigil/internal/iam"
	"github.com/vigil-sec/vigil/internal/model"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// Step is one action of an edge with the evaluator's decision on it:
// Decision.Allowed lists the statements that grant it and Decision.Caveats
// the conditions it rests on. Edges that pass a role to a service end with
// the service's own sts:AssumeRole on the role, whose decision shows the
// trust policy statements that let the service use it.
type Step struct {
	Action   string
	Resource string
	Decision iam.Decision
}

// Edge is one technique that takes From to To's permissions, or, with To
// nil, lets From grant itself administrator.
type Edge struct {
	From *iam.Principal
	// To is the principal whose permissions From gains; nil when From
	// grants itself administrator; From itself when From raises its own
	// permissions on the way (a self-grant in several techniques, such as
	// writing a policy and then deleting the boundary that limited it).
	To        *iam.Principal
	Technique *Technique
	Steps     []Step
	// Via is the ARN of the workload, group, policy, instance profile or
	// role the technique goes through, "" when there is none.
	Via string
	// Conditional reports that some step is allowed only under request
	// context that is not known.
	Conditional bool
}

// Path is a shortest chain of edges from a principal to administrator.
type Path struct {
	Principal *iam.Principal
	Edges     []Edge
	// Admin is the admin-equivalent principal the path ends at; nil when
	// its last edge is a self-grant.
	Admin *iam.Principal
	// Conditional reports that some edge is.
	Conditional bool
}

// Result is what Analyze finds.
type Result struct {
	// Admins are the admin-equivalent users and roles, by ARN.
	Admins []*iam.Principal
	// Paths holds one shortest path for each principal that can escalate,
	// by principal ARN. A path is Conditional only when the principal has
	// no certain one.
	Paths []Path
}

// Options tune Analyze.
type Options struct {
	// Techniques restricts the analysis to the techniques with these IDs;
	// nil uses them all.
	Techniques []string
}

// Analyze finds the admin-equivalent principals of the estate and, for
// every other user and role that can become one, a shortest escalation
// path. Among paths it prefers the one with the fewest conditional edges,
// then the fewest edges; among equals, the one through the target with the
// lowest ARN and then the earlier technique, so the result is
// deterministic. Analyze runs on one goroutine.
func Analyze(ctx context.Context, e *iam.Estate, opts Options) (*Result, error) {
	ss, err := selectSpecs(opts.Techniques)
	if err != nil {
		return nil, err
	}
	a := newAnalyzer(e, ss)
	s := newSearch(len(a.nodes))
	res := &Result{}
	for id, p := range a.nodes {
		if e.IsAdmin(p) {
			s.dist[id] = cost{}
			heap.Push(&s.queue, item{cost{}, int32(id)})
			res.Admins = append(res.Admins, p)
		}
	}
	if err := a.sources(ctx, s); err != nil {
		return nil, err
	}
	var buf []int32
	for n := 0; s.queue.Len() > 0; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		it := heap.Pop(&s.queue).(item)
		t := it.id
		if s.done[t] || it.cost != s.dist[t] {
			continue
		}
		s.done[t] = true
		clear(a.memo)
		target := a.nodes[t]
		bound, condBound := s.dist[t].plus(false), s.dist[t].plus(true)
		for _, sp := range a.specs {
			buf = a.candidates(target, sp, buf[:0])
			for _, pid := range buf {
				if pid == t || s.done[pid] || !bound.less(s.dist[pid]) {
					continue
				}
				// Where only a certain edge would help, skip the known
				// conditional ones.
				if !condBound.less(s.dist[pid]) && a.certainImpossible(a.nodes[pid], target, sp) {
					continue
				}
				if edge, ok := a.edge(a.nodes[pid], target, sp); ok {
					s.relax(pid, s.dist[t].plus(edge.Conditional), []Edge{edge})
				}
			}
		}
	}
	res.Paths = a.paths(s)
	return res, nil
}

// selectSpecs returns the specs of the techniques named, all when ids is
// nil.
func selectSpecs(ids []string) ([]*spec, error) {
	all := specs()
	if ids == nil {
		return all, nil
	}
	var out []*spec
	for _, id := range ids {
		i := slices.IndexFunc(all, func(s *spec) bool { return s.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("unknown escalation technique %q", id)
		}
		out = append(out, all[i])
	}
	// Keep the catalogue's order, which decides ties.
	slices.SortFunc(out, func(x, y *spec) int {
		return cmp.Compare(slices.Index(all, x), slices.Index(all, y))
	})
	return slices.Compact(out), nil
}

// sources seeds the search with the principals that can grant themselves
// administrator.
func (a *analyzer) sources(ctx context.Context, s *search) error {
	for id, p := range a.nodes {
		if id%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s.dist[id] == (cost{}) {
			continue // an admin
		}
		for _, chain := range a.selfChains(p, true) {
			s.relax(int32(id), chainCost(chain), chain)
		}
	}
	a.tagSessionEdges(func(pid int32, edge Edge) bool {
		if s.dist[pid] != (cost{}) {
			s.relax(pid, cost{}.plus(edge.Conditional), []Edge{edge})
		}
		return true
	})
	return nil
}

// chainCost is the cost of a self-grant chain.
func chainCost(chain []Edge) cost {
	var c cost
	for _, e := range chain {
		c = c.plus(e.Conditional)
	}
	return c
}

// paths follows each escalating principal's best edges to administrator.
func (a *analyzer) paths(s *search) []Path {
	var out []Path
	for id, p := range a.nodes {
		if s.next[id] == nil {
			continue
		}
		path := Path{Principal: p}
		for cur := int32(id); ; {
			chain := s.next[cur]
			if chain == nil {
				path.Admin = a.nodes[cur]
				break
			}
			path.Edges = append(path.Edges, chain...)
			last := chain[len(chain)-1]
			for _, e := range chain {
				path.Conditional = path.Conditional || e.Conditional
			}
			if last.To == nil {
				break
			}
			cur = a.ids[last.To.ARN]
		}
		out = append(out, path)
	}
	return out
}

// cost orders paths: fewer conditional edges first, then fewer edges.
type cost struct{ cond, hops int32 }

var infinite = cost{math.MaxInt32, math.MaxInt32}

func (c cost) less(d cost) bool {
	if c.cond != d.cond {
		return c.cond < d.cond
	}
	return c.hops < d.hops
}

func (c cost) plus(conditional bool) cost {
	if conditional {
		c.cond++
	}
	c.hops++
	return c
}

// search is the state of the backward shortest-path search.
type search struct {
	dist []cost
	// next is each principal's way out: one edge, or a chain of
	// self-grants.
	next  [][]Edge
	done  []bool
	queue queue
}

func newSearch(n int) *search {
	s := &search{dist: make([]cost, n), next: make([][]Edge, n), done: make([]bool, n)}
	for i := range s.dist {
		s.dist[i] = infinite
	}
	return s
}

// relax records chain as id's way out when it is better than what id has.
func (s *search) relax(id int32, c cost, chain []Edge) {
	if !c.less(s.dist[id]) {
		return
	}
	s.dist[id] = c
	s.next[id] = chain
	heap.Push(&s.queue, item{c, id})
}

type item struct {
	cost cost
	id   int32
}

// queue is a min-heap of principals by cost, then by ID (ARN order).
type queue []item

func (q queue) Len() int { return len(q) }
func (q queue) Less(i, j int) bool {
	if q[i].cost != q[j].cost {
		return q[i].cost.less(q[j].cost)
	}
	return q[i].id < q[j].id
}
func (q queue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)   { *q = append(*q, x.(item)) }
func (q *queue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

// analyzer holds the estate's indexes and caches for one analysis.
type analyzer struct {
	e     *iam.Estate
	specs []*spec
	// nodes are the estate's users and roles by ARN; their index is their
	// ID.
	nodes      []*iam.Principal
	ids        map[string]int32
	byAccount  map[string][]int32
	roleByName map[string][]int32
	users      []int32
	roles      []int32
	groups     []*iam.Principal
	// workloads holds each role's workloads, by ARN; byKind each
	// account's workloads of a kind.
	workloads map[*iam.Principal][]*iam.Workload
	byKind    map[kindKey][]*iam.Workload
	partition string

	polPats  map[policyAction][]string
	indexes  map[string]*resIndex
	allows   map[string][]int32
	trustIdx *trustIndex
	seen     *stamps
	memo     map[string][]int32

	services      map[string]*iam.Principal
	trustSteps    map[serviceTrust]trustResult
	adminARN      string
	admin         *iam.Policy
	adminGroup    map[*iam.Principal]bool
	capped        map[capKey]bool
	afterCache    map[adminAfterKey]bool
	possible      map[string]bool
	volatileTrust map[*iam.Principal]bool
}

type kindKey struct {
	account string
	kind    iam.WorkloadKind
}

type serviceTrust struct {
	role    *iam.Principal
	service string
}

type trustResult struct {
	step Step
	ok   bool
}

func newAnalyzer(e *iam.Estate, ss []*spec) *analyzer {
	a := &analyzer{
		e:             e,
		specs:         ss,
		ids:           map[string]int32{},
		byAccount:     map[string][]int32{},
		roleByName:    map[string][]int32{},
		workloads:     map[*iam.Principal][]*iam.Workload{},
		byKind:        map[kindKey][]*iam.Workload{},
		partition:     e.Partition,
		polPats:       map[policyAction][]string{},
		indexes:       map[string]*resIndex{},
		allows:        map[string][]int32{},
		services:      map[string]*iam.Principal{},
		trustSteps:    map[serviceTrust]trustResult{},
		adminGroup:    map[*iam.Principal]bool{},
		memo:          map[string][]int32{},
		capped:        map[capKey]bool{},
		afterCache:    map[adminAfterKey]bool{},
		possible:      map[string]bool{},
		volatileTrust: map[*iam.Principal]bool{},
	}
	if a.partition == "" {
		a.partition = "aws"
	}
	for _, p := range e.Principals {
		switch p.Type {
		case iam.User, iam.Role:
			a.nodes = append(a.nodes, p)
		case iam.Group:
			a.groups = append(a.groups, p)
		}
	}
	byARN := func(x, y *iam.Principal) int { return cmp.Compare(x.ARN, y.ARN) }
	slices.SortStableFunc(a.nodes, byARN)
	slices.SortStableFunc(a.groups, byARN)
	for i, p := range a.nodes {
		id := int32(i)
		a.ids[p.ARN] = id
		a.byAccount[p.Account] = append(a.byAccount[p.Account], id)
		if p.Type == iam.User {
			a.users = append(a.users, id)
		} else {
			a.roles = append(a.roles, id)
			key := p.Account + "/" + p.Name
			a.roleByName[key] = append(a.roleByName[key], id)
		}
	}
	ws := slices.Clone(e.Workloads)
	slices.SortStableFunc(ws, func(x, y *iam.Workload) int { return cmp.Compare(x.ARN, y.ARN) })
	for _, w := range ws {
		if w.Role == nil || !knownARN(w.ARN) {
			continue
		}
		a.workloads[w.Role] = append(a.workloads[w.Role], w)
		k := kindKey{w.Account, w.Kind}
		a.byKind[k] = append(a.byKind[k], w)
	}
	a.seen = newStamps(len(a.nodes))
	a.adminARN = "arn:" + a.partition + ":iam::aws:policy/AdministratorAccess"
	a.admin = administrator(a.adminARN)
	return a
}

// administrator is AdministratorAccess, the policy techniques attach or
// write.
func administrator(arn string) *iam.Policy {
	p := iam.NewPolicy(iam.IdentityPolicy, "AdministratorAccess",
		document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`))
	p.ARN = arn
	return p
}

// document parses a policy the analysis writes itself.
func document(text string) iammodel.Document {
	return iammodel.ParseDocument(model.Set(text, model.Origin{}))
}

// knownARN reports whether arn is an ARN the source resolved.
func knownARN(arn string) bool {
	return len(arn) > 4 && arn[:4] == "arn:" && !containsUnknown(arn)
}
