// Package model is the heart of Vigil: typed values that know where they came
// from (Origin) and how sure we are of them (Certainty), and the identity of the
// resources that hold them.
//
// Every source (Terraform, plan JSON, CloudFormation, live cloud APIs) produces
// these values and every check reads them, so the package imports the standard
// library only. Provider state lives in sub-packages such as model/aws.
package model
