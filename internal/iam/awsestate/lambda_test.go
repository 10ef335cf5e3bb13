package awsestate_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/internal/iam/awsestate"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws"
	"github.com/vigil-sec/vigil/internal/model/aws/lambda"
)

// FuzzFunctionPolicy checks that whatever a permission holds, the function
// policy written from it reads back as one statement granting it.
func FuzzFunctionPolicy(f *testing.F) {
	f.Add("fn", "arn:aws:lambda:us-east-1:123456789012:function:fn:live", "lambda:InvokeFunction", "s3.amazonaws.com", "arn:aws:s3:::b", "")
	f.Add("fn", "fn", "lambda:InvokeFunctionUrl", "*", "", "NONE")
	f.Add("fn", "123456789012:function:fn", "lambda:*", "111122223333", "", "")
	f.Add(`f"n`, `f"n`, `a"\b`, `{"AWS":"x"}`, `\u0000`, "${unknown}")
	f.Fuzz(func(t *testing.T, name, function, action, principal, sourceARN, authType string) {
		for _, s := range []string{name, function, action, principal, sourceARN, authType} {
			if !utf8.ValidString(s) {
				return // sources read text, which JSON keeps only when valid
			}
		}
		at := model.Origin{API: "lambda:test"}
		set := func(s string) model.String { return model.Set(s, at) }
		st := &aws.State{Lambda: lambda.State{
			Functions: []*lambda.Function{{Resource: model.Resource{ID: "f", Name: name}, FunctionName: set(name)}},
			Permissions: []*lambda.Permission{{
				Resource: model.Resource{ID: "p", Origin: at}, Function: set(function), Action: set(action), Principal: set(principal),
				SourceARN: set(sourceARN), SourceAccount: set(""), PrincipalOrgID: set(""), FunctionURLAuthType: set(authType),
			}},
		}}
		e := awsestate.Build(st, awsestate.Options{})
		if len(e.Resources) == 0 {
			return // the permission names another function
		}
		doc := e.Resources[0].Policy.Document
		if !doc.Known() || len(doc.Statements) != 1 {
			t.Fatalf("function policy known %v (%s) with %d statements:\n%s", doc.Known(), doc.Err, len(doc.Statements), doc.Raw.Val())
		}
		s := doc.Statements[0]
		if !s.IsAllow() || !slices.Equal(s.Action, []string{action}) || !slices.Equal(s.Resource, []string{e.Resources[0].ARN}) {
			t.Errorf("statement %+v does not grant %q on %s", s, action, e.Resources[0].ARN)
		}
		if got := s.HasCondition("aws:SourceArn"); got != (sourceARN != "") {
			t.Errorf("SourceArn condition = %v for %q", got, sourceARN)
		}
	})
}
