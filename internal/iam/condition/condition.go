package condition

import (
	"strings"

	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// inline is how many values Evaluate reads without allocating; conditions
// rarely list more.
const inline = 8

// Evaluate evaluates one operator/key pair of a Condition block with its
// values (which are OR'd; AND across pairs is the caller's, see
// EvaluateAll) against ctx. An operator AWS does not know, an empty value
// list, or a value that does not parse for the operator (a bad date, CIDR,
// number or ARN, a Bool that is neither true nor false) gives False, as
// AWS treats a malformed condition as not matching; a request value that
// does not parse does too. An operator or key holding iammodel.Unknown gives
// Maybe.
//
// Evaluate reads the condition on every call; Compile reads it once.
func Evaluate(c iammodel.Condition, ctx *Context) Result {
	if strings.Contains(c.Operator, iammodel.Unknown) || strings.Contains(c.Key, iammodel.Unknown) {
		return Maybe
	}
	op, ok := parseOperator(c.Operator)
	if !ok {
		return False
	}
	var buf [inline]value
	vs := buf[:0]
	for _, raw := range c.Values {
		vs = append(vs, readValue(op.base, raw))
	}
	return evaluate(op, c.Key, vs, ctx)
}

// EvaluateAll evaluates a statement's Condition block: the AND of its
// conditions. With a Maybe result it also returns the conditions that are
// Maybe, the ones the answer rests on.
func EvaluateAll(cs []iammodel.Condition, ctx *Context) (Result, []iammodel.Condition) {
	res := True
	var maybe []iammodel.Condition
	for _, c := range cs {
		switch Evaluate(c, ctx) {
		case False:
			return False, nil
		case Maybe:
			res = Maybe
			maybe = append(maybe, c)
		}
	}
	return res, maybe
}

// Compiled is a condition read once for repeated evaluation: its operator
// parsed, key folded and values parsed. It is safe for concurrent use.
type Compiled struct {
	cond    iammodel.Condition
	op      operator
	valid   bool
	unknown bool
	key     string
	values  []value
}

// Compile reads c for Evaluate.
func Compile(c iammodel.Condition) *Compiled {
	cc := &Compiled{cond: c, key: strings.ToLower(c.Key)}
	if strings.Contains(c.Operator, iammodel.Unknown) || strings.Contains(c.Key, iammodel.Unknown) {
		cc.unknown = true
		return cc
	}
	cc.op, cc.valid = parseOperator(c.Operator)
	if !cc.valid {
		return cc
	}
	cc.values = make([]value, len(c.Values))
	for i, raw := range c.Values {
		cc.values[i] = readValue(cc.op.base, raw)
	}
	return cc
}

// Condition returns the condition c was compiled from.
func (c *Compiled) Condition() iammodel.Condition { return c.cond }

// Evaluate evaluates c against ctx, as the package-level Evaluate does.
func (c *Compiled) Evaluate(ctx *Context) Result {
	switch {
	case c.unknown:
		return Maybe
	case !c.valid:
		return False
	}
	return evaluate(c.op, c.key, c.values, ctx)
}

// Block is a statement's compiled Condition block.
type Block []*Compiled

// CompileBlock compiles a statement's conditions.
func CompileBlock(cs []iammodel.Condition) Block {
	b := make(Block, len(cs))
	for i, c := range cs {
		b[i] = Compile(c)
	}
	return b
}

// Evaluate evaluates the block against ctx, as EvaluateAll does.
func (b Block) Evaluate(ctx *Context) (Result, []iammodel.Condition) {
	res := True
	var maybe []iammodel.Condition
	for _, c := range b {
		switch c.Evaluate(ctx) {
		case False:
			return False, nil
		case Maybe:
			res = Maybe
			maybe = append(maybe, c.cond)
		}
	}
	return res, maybe
}
