package catalog

import (
	"iter"
	"math/bits"
	"slices"
)

// Set is a set of actions, by ID, as a bitset. Catalog.NewSet sizes one for
// the catalogue; the zero Set is empty and grows as needed. Sets are values
// over a shared slice: Clone before changing one that others hold.
type Set struct{ w []uint64 }

// Has reports whether id is in s.
func (s Set) Has(id int) bool {
	i := id >> 6
	return id >= 0 && i < len(s.w) && s.w[i]&(1<<(uint(id)&63)) != 0
}

// grow makes room for n words.
func (s *Set) grow(n int) {
	if n > len(s.w) {
		s.w = append(s.w, make([]uint64, n-len(s.w))...)
	}
}

// Add puts id in s. It panics on a negative id.
func (s *Set) Add(id int) {
	if id < 0 {
		panic("catalog: Set.Add of a negative id")
	}
	s.grow(id>>6 + 1)
	s.w[id>>6] |= 1 << (uint(id) & 63)
}

// addRange puts lo..hi-1 in s.
func (s *Set) addRange(lo, hi int) {
	if lo >= hi {
		return
	}
	s.grow((hi-1)>>6 + 1)
	for lo < hi {
		i, b := lo>>6, uint(lo)&63
		n := min(64-int(b), hi-lo)
		mask := ^uint64(0) >> (64 - uint(n)) << b
		s.w[i] |= mask
		lo += n
	}
}

// Union adds every element of o to s.
func (s *Set) Union(o Set) {
	s.grow(len(o.w))
	for i, w := range o.w {
		s.w[i] |= w
	}
}

// Intersect keeps in s only the elements also in o.
func (s *Set) Intersect(o Set) {
	for i := range s.w {
		if i < len(o.w) {
			s.w[i] &= o.w[i]
		} else {
			s.w[i] = 0
		}
	}
}

// Minus removes from s every element of o.
func (s *Set) Minus(o Set) {
	for i := range min(len(s.w), len(o.w)) {
		s.w[i] &^= o.w[i]
	}
}

// Clone returns a copy of s that shares nothing with it.
func (s Set) Clone() Set { return Set{w: slices.Clone(s.w)} }

// Len returns the number of elements of s.
func (s Set) Len() int {
	n := 0
	for _, w := range s.w {
		n += bits.OnesCount64(w)
	}
	return n
}

// IsEmpty reports whether s has no element.
func (s Set) IsEmpty() bool {
	for _, w := range s.w {
		if w != 0 {
			return false
		}
	}
	return true
}

// Equal reports whether s and o have the same elements, however each was
// sized.
func (s Set) Equal(o Set) bool {
	a, b := s.w, o.w
	if len(a) < len(b) {
		a, b = b, a
	}
	for i, w := range a {
		if i < len(b) {
			if w != b[i] {
				return false
			}
		} else if w != 0 {
			return false
		}
	}
	return true
}

// All yields the elements of s in increasing order.
func (s Set) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i, w := range s.w {
			for w != 0 {
				b := bits.TrailingZeros64(w)
				if !yield(i<<6 + b) {
					return
				}
				w &= w - 1
			}
		}
	}
}
