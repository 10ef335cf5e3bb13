package catalog

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func setOf(ids ...int) Set {
	var s Set
	for _, id := range ids {
		s.Add(id)
	}
	return s
}

func elems(s Set) []int { return slices.Collect(s.All()) }

func TestSetOperations(t *testing.T) {
	for _, tc := range []struct {
		name      string
		a, b      Set
		union     []int
		intersect []int
		minus     []int
		equal     bool
		lenA      int
		emptyA    bool
		has       int  // an id to ask a.Has about
		holds     bool // a.Has(has)
	}{
		{name: "zero sets", equal: true, emptyA: true, has: 0},
		{name: "zero and empty sized", b: Load().NewSet(), equal: true, emptyA: true, has: 5},
		{
			name: "overlap", a: setOf(1, 64, 130), b: setOf(64, 65, 130, 500),
			union: []int{1, 64, 65, 130, 500}, intersect: []int{64, 130}, minus: []int{1},
			lenA: 3, has: 130, holds: true,
		},
		{
			name: "longer left", a: setOf(0, 63, 1000), b: setOf(63),
			union: []int{0, 63, 1000}, intersect: []int{63}, minus: []int{0, 1000},
			lenA: 3, has: 1000, holds: true,
		},
		{
			name: "same elements, different sizes", a: setOf(3), b: func() Set { s := setOf(3, 900); s.Minus(setOf(900)); return s }(),
			union: []int{3}, intersect: []int{3}, equal: true, lenA: 1, has: 3, holds: true,
		},
		{
			name: "disjoint", a: setOf(2), b: setOf(200),
			union: []int{2, 200}, minus: []int{2}, lenA: 1, has: 200,
		},
		{name: "negative id", a: setOf(7), b: setOf(7), union: []int{7}, intersect: []int{7}, equal: true, lenA: 1, has: -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, i, m := tc.a.Clone(), tc.a.Clone(), tc.a.Clone()
			u.Union(tc.b)
			i.Intersect(tc.b)
			m.Minus(tc.b)
			got := [][]int{elems(u), elems(i), elems(m)}
			want := [][]int{tc.union, tc.intersect, tc.minus}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("union, intersect, minus (-want +got):\n%s", diff)
			}
			if tc.a.Equal(tc.b) != tc.equal || tc.b.Equal(tc.a) != tc.equal {
				t.Errorf("Equal = %v, want %v", tc.a.Equal(tc.b), tc.equal)
			}
			if tc.a.Len() != tc.lenA || tc.a.IsEmpty() != tc.emptyA {
				t.Errorf("Len %d IsEmpty %v, want %d %v", tc.a.Len(), tc.a.IsEmpty(), tc.lenA, tc.emptyA)
			}
			if got := tc.a.Has(tc.has); got != tc.holds {
				t.Errorf("Has(%d) = %v", tc.has, got)
			}
		})
	}
}

func TestSetCloneShares(t *testing.T) {
	a := setOf(1)
	b := a.Clone()
	b.Add(2)
	if a.Has(2) {
		t.Error("Clone shares its words")
	}
}

func TestSetAddRange(t *testing.T) {
	for _, tc := range []struct{ lo, hi int }{{0, 0}, {0, 1}, {5, 64}, {63, 65}, {0, 128}, {10, 300}, {64, 128}} {
		var got, want Set
		got.addRange(tc.lo, tc.hi)
		for id := tc.lo; id < tc.hi; id++ {
			want.Add(id)
		}
		if !got.Equal(want) || got.Len() != tc.hi-tc.lo {
			t.Errorf("addRange(%d, %d) = %v", tc.lo, tc.hi, elems(got))
		}
	}
}

func TestSetAllStops(t *testing.T) {
	var seen []int
	for id := range setOf(1, 2, 3).All() {
		seen = append(seen, id)
		if id == 2 {
			break
		}
	}
	if diff := cmp.Diff([]int{1, 2}, seen); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestSetAddNegativePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Add(-1) did not panic")
		}
	}()
	var s Set
	s.Add(-1)
}
