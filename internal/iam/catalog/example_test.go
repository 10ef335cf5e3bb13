package catalog_test

import (
	"fmt"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
)

func Example() {
	c := catalog.Load()

	a := c.Action("iam:passrole")
	fmt.Println(a, a.Level, a.Resources[0].Type.ARN)

	granted := c.Match("iam:Pass*")
	granted.Union(c.Match("s3:Get*"))
	fmt.Println(granted.Has(a.ID), granted.Len())

	k := c.ConditionKey("aws:PrincipalTag/team")
	fmt.Println(k.Name, k.Type)

	arn, _ := c.ManagedPolicyARN("AWSLambdaBasicExecutionRole")
	fmt.Println(arn)
	// Output:
	// iam:PassRole Write arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}
	// true 64
	// aws:PrincipalTag/${TagKey} String
	// arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
}
