package condition

import "strings"

// base is a condition operator without its set qualifier and IfExists.
type base uint8

const (
	badOperator base = iota
	stringEquals
	stringNotEquals
	stringEqualsIgnoreCase
	stringNotEqualsIgnoreCase
	stringLike
	stringNotLike
	numericEquals
	numericNotEquals
	numericLessThan
	numericLessThanEquals
	numericGreaterThan
	numericGreaterThanEquals
	dateEquals
	dateNotEquals
	dateLessThan
	dateLessThanEquals
	dateGreaterThan
	dateGreaterThanEquals
	boolEquals
	binaryEquals
	ipAddress
	notIPAddress
	arnEquals
	arnLike
	arnNotEquals
	arnNotLike
	null
)

// family groups operators that read values the same way.
type family uint8

const (
	textFamily family = iota + 1
	arnFamily
	numericFamily
	dateFamily
	boolFamily
	binaryFamily
	ipFamily
	nullFamily
)

// bases maps AWS's operator names, which are case-sensitive (IAM rejects
// "stringEquals" as an invalid condition type), to operators.
var bases = map[string]base{
	"StringEquals":              stringEquals,
	"StringNotEquals":           stringNotEquals,
	"StringEqualsIgnoreCase":    stringEqualsIgnoreCase,
	"StringNotEqualsIgnoreCase": stringNotEqualsIgnoreCase,
	"StringLike":                stringLike,
	"StringNotLike":             stringNotLike,
	"NumericEquals":             numericEquals,
	"NumericNotEquals":          numericNotEquals,
	"NumericLessThan":           numericLessThan,
	"NumericLessThanEquals":     numericLessThanEquals,
	"NumericGreaterThan":        numericGreaterThan,
	"NumericGreaterThanEquals":  numericGreaterThanEquals,
	"DateEquals":                dateEquals,
	"DateNotEquals":             dateNotEquals,
	"DateLessThan":              dateLessThan,
	"DateLessThanEquals":        dateLessThanEquals,
	"DateGreaterThan":           dateGreaterThan,
	"DateGreaterThanEquals":     dateGreaterThanEquals,
	"Bool":                      boolEquals,
	"BinaryEquals":              binaryEquals,
	"IpAddress":                 ipAddress,
	"NotIpAddress":              notIPAddress,
	"ArnEquals":                 arnEquals,
	"ArnLike":                   arnLike,
	"ArnNotEquals":              arnNotEquals,
	"ArnNotLike":                arnNotLike,
	"Null":                      null,
}

func (b base) family() family {
	switch {
	case b <= stringNotLike:
		return textFamily
	case b <= numericGreaterThanEquals:
		return numericFamily
	case b <= dateGreaterThanEquals:
		return dateFamily
	case b == boolEquals:
		return boolFamily
	case b == binaryEquals:
		return binaryFamily
	case b <= notIPAddress:
		return ipFamily
	case b <= arnNotLike:
		return arnFamily
	}
	return nullFamily
}

// negated reports whether the operator holds when the key's value matches
// none of the policy values ("NotEquals", "NotLike", "NotIpAddress").
func (b base) negated() bool {
	switch b {
	case stringNotEquals, stringNotEqualsIgnoreCase, stringNotLike, numericNotEquals, dateNotEquals, notIPAddress, arnNotEquals, arnNotLike:
		return true
	}
	return false
}

// wild reports whether '*' and '?' in policy values are wildcards. ArnEquals
// matches exactly as ArnLike does, as AWS documents.
func (b base) wild() bool {
	switch b {
	case stringLike, stringNotLike, arnEquals, arnLike, arnNotEquals, arnNotLike:
		return true
	}
	return false
}

// fold reports whether values compare ignoring case.
func (b base) fold() bool { return b == stringEqualsIgnoreCase || b == stringNotEqualsIgnoreCase }

// variables reports whether policy variables in values are substituted: AWS
// supports them with the string, ARN and Bool operators only, so elsewhere
// "${...}" is literal text that does not parse.
func (b base) variables() bool {
	f := b.family()
	return f == textFamily || f == arnFamily || f == boolFamily
}

// qualifier is a condition set operator, or none.
type qualifier uint8

const (
	single qualifier = iota
	forAllValues
	forAnyValue
)

// operator is a parsed condition operator.
type operator struct {
	base     base
	set      qualifier
	ifExists bool
}

// parseOperator reads an operator such as "ForAnyValue:StringLikeIfExists".
// Null takes neither a set operator nor IfExists.
func parseOperator(s string) (operator, bool) {
	var op operator
	if rest, ok := strings.CutPrefix(s, "ForAllValues:"); ok {
		op.set, s = forAllValues, rest
	} else if rest, ok := strings.CutPrefix(s, "ForAnyValue:"); ok {
		op.set, s = forAnyValue, rest
	}
	if rest, ok := strings.CutSuffix(s, "IfExists"); ok {
		op.ifExists, s = true, rest
	}
	op.base = bases[s]
	switch {
	case op.base == badOperator:
		return operator{}, false
	case op.base == null && (op.set != single || op.ifExists):
		return operator{}, false
	}
	return op, true
}

// KnownOperator reports whether op is a condition operator AWS accepts:
// one of the base operators, optionally with the ForAllValues: or
// ForAnyValue: set operator and the IfExists suffix (Null takes neither).
// Names are case-sensitive, as in IAM. Evaluate treats any other operator as
// a condition that does not match.
func KnownOperator(op string) bool {
	_, ok := parseOperator(op)
	return ok
}
