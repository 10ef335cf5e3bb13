package model

// UnknownPart stands in for a part of a text that is known only after apply
// (the ARN of a bucket interpolated into a policy, say) in a text whose other
// parts are known. It matches nothing: no name, ARN, pattern or secret
// contains it, so only readers that know to look for it should see such a
// text.
const UnknownPart = "${unknown}"

// Meta is what every value carries besides itself.
type Meta struct {
	Origin    Origin
	Certainty Certainty
}

// Known reports whether the value was resolved (set explicitly or defaulted).
func (m Meta) Known() bool { return m.Certainty != Unknown }

// Value is a typed value with its origin and certainty.
//
// Checks ask questions that are false for unknown values (Is, IsNot), so a
// check written naturally never fires on something the scanner could not
// resolve. The zero Value is unknown with no origin.
type Value[T comparable] struct {
	val T
	Meta
}

// Common instantiations.
type (
	String = Value[string]
	Bool   = Value[bool]
	Int    = Value[int]
	Float  = Value[float64]
)

// Set returns a value set explicitly at origin.
func Set[T comparable](v T, o Origin) Value[T] {
	return Value[T]{val: v, Meta: Meta{Origin: o, Certainty: Explicit}}
}

// Default returns a provider default; o is where the value would have been
// set (usually the enclosing resource or block).
func Default[T comparable](v T, o Origin) Value[T] {
	return Value[T]{val: v, Meta: Meta{Origin: o, Certainty: Defaulted}}
}

// Unresolved returns an unknown value defined at o.
func Unresolved[T comparable](o Origin) Value[T] {
	return Value[T]{Meta: Meta{Origin: o}}
}

// Get returns the value and whether it is known.
func (v Value[T]) Get() (T, bool) { return v.val, v.Known() }

// Val returns the value, or T's zero value when unknown.
func (v Value[T]) Val() T {
	if !v.Known() {
		var zero T
		return zero
	}
	return v.val
}

// Is reports whether the value is known and equal to x.
func (v Value[T]) Is(x T) bool { return v.Known() && v.val == x }

// IsNot reports whether the value is known and different from x.
func (v Value[T]) IsNot(x T) bool { return v.Known() && v.val != x }

// IsOneOf reports whether the value is known and equal to one of xs.
func (v Value[T]) IsOneOf(xs ...T) bool {
	if !v.Known() {
		return false
	}
	for _, x := range xs {
		if v.val == x {
			return true
		}
	}
	return false
}

// Explicit reports whether the value was set explicitly.
func (v Value[T]) Explicit() bool { return v.Certainty == Explicit }

// Defaulted reports whether the value is the provider's default.
func (v Value[T]) Defaulted() bool { return v.Certainty == Defaulted }

// OriginOr returns the value's origin, or fallback when the value has none
// (a zero Value that no source filled in).
func (v Value[T]) OriginOr(fallback Origin) Origin {
	if v.Origin.IsZero() {
		return fallback
	}
	return v.Origin
}

// List is a typed list whose completeness is itself a certainty: a list built
// by a dynamic block over an unknown collection is Unknown even when some of
// its items are known.
type List[T comparable] struct {
	Items []Value[T]
	Meta
}

// Contains reports whether some known item equals x. It can be true for an
// incomplete list: a known item is there whatever the unknown ones are.
func (l List[T]) Contains(x T) bool {
	for _, it := range l.Items {
		if it.Is(x) {
			return true
		}
	}
	return false
}

// Complete reports whether the list and every item in it are known.
func (l List[T]) Complete() bool {
	if !l.Known() {
		return false
	}
	for _, it := range l.Items {
		if !it.Known() {
			return false
		}
	}
	return true
}

// IsEmpty reports whether the list is known to have no items.
func (l List[T]) IsEmpty() bool { return l.Known() && len(l.Items) == 0 }

// Values returns the known items' values.
func (l List[T]) Values() []T {
	out := make([]T, 0, len(l.Items))
	for _, it := range l.Items {
		if it.Known() {
			out = append(out, it.val)
		}
	}
	return out
}

// Any reports whether pred holds for some known item, returning it.
func (l List[T]) Any(pred func(T) bool) (Value[T], bool) {
	for _, it := range l.Items {
		if it.Known() && pred(it.val) {
			return it, true
		}
	}
	return Value[T]{}, false
}

// Map is a typed string-keyed map (tags, say) whose completeness is a certainty.
type Map[T comparable] struct {
	Entries map[string]Value[T]
	Meta
}

// Lookup returns the entry for key and whether it is present.
func (m Map[T]) Lookup(key string) (Value[T], bool) {
	v, ok := m.Entries[key]
	return v, ok
}

// Derive computes a value from v, keeping v's origin and certainty: whether a
// status string is "Enabled", say. An unknown v gives an unknown result.
func Derive[T, U comparable](v Value[T], f func(T) U) Value[U] {
	out := Value[U]{Meta: v.Meta}
	if v.Known() {
		out.val = f(v.val)
	}
	return out
}
