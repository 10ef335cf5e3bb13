package condition_test

import (
	"fmt"

	"github.com/vigil-sec/vigil/internal/iam/condition"
	iammodel "github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// A bucket policy statement that allows access only over TLS from the
// office network: with the source address unknown, the statement holds "if
// the request comes from 203.0.113.0/24".
func ExampleEvaluateAll() {
	conds := []iammodel.Condition{
		{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}},
		{Operator: "IpAddress", Key: "aws:SourceIp", Values: []string{"203.0.113.0/24"}},
	}
	ctx := &condition.Context{}
	ctx.Set("aws:SecureTransport", "true")

	res, open := condition.EvaluateAll(conds, ctx)
	fmt.Println(res)
	for _, c := range open {
		fmt.Println("if", c.Key, c.Operator, c.Values)
	}

	ctx.Set("aws:SourceIp", "198.51.100.7")
	res, _ = condition.EvaluateAll(conds, ctx)
	fmt.Println(res)
	// Output:
	// maybe
	// if aws:SourceIp IpAddress [203.0.113.0/24]
	// false
}

// Policy variables take their values from the request context.
func ExampleSubstitute() {
	ctx := &condition.Context{Closed: true}
	ctx.Set("aws:username", "bob")
	for _, resource := range []string{
		"arn:aws:s3:::home/${aws:username}/*",
		"arn:aws:s3:::home/${aws:userid, 'anonymous'}",
		"arn:aws:s3:::home/${aws:PrincipalTag/team}",
	} {
		s, res := condition.Substitute(resource, ctx)
		fmt.Printf("%q %v\n", s, res)
	}
	// Output:
	// "arn:aws:s3:::home/bob/*" true
	// "arn:aws:s3:::home/anonymous" true
	// "" false
}
