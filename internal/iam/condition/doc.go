// Package condition evaluates IAM policy Condition blocks and policy
// variables against a request context, with three-valued results: a
// condition on a context key whose value is not known is Maybe, so analyses
// can say "allowed if ..." instead of guessing.
//
// Semantics follow the IAM User Guide ("Condition operators", "Single-valued
// vs. multivalued context keys", "Variables and tags"):
//
//   - Every String, Numeric, Date, Bool, BinaryEquals, IP address, ARN and
//     Null operator, with the ForAllValues:/ForAnyValue: set operators and
//     the IfExists suffix (Null takes neither). Operator names are
//     case-sensitive as in IAM; context keys are not; values are, except
//     with the IgnoreCase operators.
//   - Values are OR'd; a negated operator (StringNotEquals, NotIpAddress,
//     ArnNotLike, ...) holds when the request value matches none of them.
//     An absent key makes positive operators false and negated ones true;
//     IfExists makes it true; ForAllValues is true and ForAnyValue false
//     for an absent key or one with no values.
//   - StringLike and the ARN operators take '*' and '?'; ARNs match
//     segment by segment, wildcards staying within the first five segments;
//     ArnEquals matches as ArnLike does.
//   - Policy variables are substituted in String, ARN and Bool values,
//     literally (a '*' in a variable's value is not a wildcard). A variable
//     without a value makes its policy value match nothing, which makes a
//     negated operator true, as AWS documents for variables with no value.
//
// Where AWS documents no behaviour the package says Maybe or False rather
// than guess: an unknown operator, an empty value list, or a value that does
// not parse for its operator (a bad date, CIDR, number or ARN) is False,
// since IAM rejects such policies and AWS treats malformed conditions as not
// matching (KnownOperator lets validation report them); a multivalued key
// under an operator without a set operator is known only when every value
// gives the same answer. iammodel.Unknown in an operator or key gives Maybe;
// in a value, or a request value, it stands for text nobody knows.
//
// Evaluate reads a condition on every call without allocating for the
// string, Bool and ARN operators; Compile reads it once for hot loops.
//
// It imports the standard library and model/aws/iam only.
package condition
