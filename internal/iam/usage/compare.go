package usage

import (
	"cmp"
	"slices"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
)

// Comparison sets what a principal used against what it is granted.
type Comparison struct {
	// UsedGranted are the actions used that are granted.
	UsedGranted []*ActionUse
	// UsedNotGranted are actions the principal used or tried that are not
	// granted. A used one was allowed by something the grant does not see
	// (a resource-based or session policy); a denied one (Denied set) is
	// what the principal lacks.
	UsedNotGranted []*ActionUse
	// DeniedGranted are actions refused although granted: something else
	// denied them (an SCP, a permissions boundary, a resource-based
	// policy, a condition, or a resource the grant does not cover).
	DeniedGranted []*ActionUse
	// Unused are the granted actions never used or tried, by service and
	// access level.
	Unused []UnusedGroup
}

// UnusedGroup is the granted, unused actions of one service at one access
// level.
type UnusedGroup struct {
	Service string
	Level   catalog.Level
	Actions []*catalog.Action // in catalogue order
}

// Compare sets the usage against what the principal is granted. granted
// reports whether an action ("s3:GetObject") is granted; actions, when not
// nil, lists the granted actions or patterns ("s3:Get*") to enumerate for
// Unused, which are otherwise every catalogue action granted accepts. With
// granted nil, exactly the actions listed are granted.
func (u *Usage) Compare(cat *catalog.Catalog, granted func(action string) bool, actions []string) *Comparison {
	var listed catalog.Set
	if actions != nil {
		listed = cat.NewSet()
		for _, pat := range actions {
			listed.Union(cat.Match(pat))
		}
	}
	isGranted := func(a *catalog.Action) bool {
		if granted != nil {
			return granted(a.String())
		}
		return actions != nil && listed.Has(a.ID)
	}
	c := &Comparison{}
	seen := cat.NewSet()
	for _, a := range u.Actions {
		seen.Add(a.Action.ID)
		if isGranted(a.Action) {
			c.UsedGranted = append(c.UsedGranted, a)
		} else {
			c.UsedNotGranted = append(c.UsedNotGranted, a)
		}
	}
	for _, a := range u.Denied {
		seen.Add(a.Action.ID)
		if isGranted(a.Action) {
			c.DeniedGranted = append(c.DeniedGranted, a)
		} else {
			c.UsedNotGranted = append(c.UsedNotGranted, a)
		}
	}
	slices.SortStableFunc(c.UsedNotGranted, func(a, b *ActionUse) int { return cmp.Compare(a.Action.ID, b.Action.ID) })

	candidates := cat.All()
	if actions != nil {
		candidates = listed
	}
	candidates.Minus(seen)
	all := cat.Actions()
	type groupKey struct {
		service string
		level   catalog.Level
	}
	index := map[groupKey]int{}
	for id := range candidates.All() {
		a := all[id]
		if !isGranted(a) {
			continue
		}
		k := groupKey{a.Service, a.Level}
		i, ok := index[k]
		if !ok {
			i = len(c.Unused)
			index[k] = i
			c.Unused = append(c.Unused, UnusedGroup{Service: a.Service, Level: a.Level})
		}
		c.Unused[i].Actions = append(c.Unused[i].Actions, a)
	}
	slices.SortFunc(c.Unused, func(a, b UnusedGroup) int {
		return cmp.Or(cmp.Compare(a.Service, b.Service), cmp.Compare(a.Level, b.Level))
	})
	return c
}
