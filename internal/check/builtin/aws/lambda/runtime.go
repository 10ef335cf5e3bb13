package lambda

import (
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/lambda"
)

// runtimeDeprecation holds each Lambda runtime's deprecation date, after
// which AWS no longer applies security patches to it, as published at
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html.
// Runtimes missing from the table are not judged. Keep it in step with that
// page; the fixtures of AWS-LAMBDA-001 use runtimes far from their dates.
var runtimeDeprecation = map[string]time.Time{
	"nodejs":          date(2016, 10, 31),
	"nodejs4.3":       date(2020, 3, 5),
	"nodejs4.3-edge":  date(2020, 3, 5),
	"nodejs6.10":      date(2019, 8, 12),
	"nodejs8.10":      date(2020, 3, 6),
	"nodejs10.x":      date(2021, 7, 30),
	"nodejs12.x":      date(2023, 3, 31),
	"nodejs14.x":      date(2023, 12, 4),
	"nodejs16.x":      date(2024, 6, 12),
	"nodejs18.x":      date(2025, 9, 1),
	"nodejs20.x":      date(2026, 4, 30),
	"nodejs22.x":      date(2027, 4, 30),
	"nodejs24.x":      date(2028, 4, 30),
	"python2.7":       date(2021, 7, 15),
	"python3.6":       date(2022, 7, 18),
	"python3.7":       date(2023, 12, 4),
	"python3.8":       date(2024, 10, 14),
	"python3.9":       date(2025, 12, 15),
	"python3.10":      date(2026, 6, 30),
	"python3.11":      date(2026, 6, 30),
	"python3.12":      date(2028, 10, 31),
	"python3.13":      date(2029, 6, 30),
	"python3.14":      date(2029, 6, 30),
	"java8":           date(2024, 1, 8),
	"java8.al2":       date(2026, 6, 30),
	"java11":          date(2026, 6, 30),
	"java17":          date(2026, 6, 30),
	"java21":          date(2029, 6, 30),
	"java25":          date(2029, 6, 30),
	"dotnetcore1.0":   date(2019, 7, 27),
	"dotnetcore2.0":   date(2019, 5, 30),
	"dotnetcore2.1":   date(2022, 1, 5),
	"dotnetcore3.1":   date(2023, 4, 3),
	"dotnet5.0":       date(2022, 5, 10),
	"dotnet6":         date(2024, 11, 12),
	"dotnet7":         date(2024, 5, 14),
	"dotnet8":         date(2026, 11, 10),
	"dotnet10":        date(2028, 11, 14),
	"ruby2.5":         date(2021, 7, 30),
	"ruby2.7":         date(2023, 11, 27),
	"ruby3.2":         date(2026, 3, 31),
	"ruby3.3":         date(2027, 3, 31),
	"ruby3.4":         date(2028, 3, 31),
	"go1.x":           date(2024, 1, 8),
	"provided":        date(2024, 1, 8),
	"provided.al2":    date(2026, 6, 30),
	"provided.al2023": date(2029, 6, 30),
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var deprecatedRuntime = &check.Check{
	ID:          "AWS-LAMBDA-001",
	Slug:        "aws-lambda-deprecated-runtime",
	Title:       "Lambda function uses a deprecated runtime",
	Provider:    "aws",
	Service:     "lambda",
	Severity:    check.Medium,
	Description: "The function runs on a Lambda runtime that AWS has deprecated: its language version and operating system no longer receive security patches.",
	Rationale:   "Vulnerabilities found in a deprecated runtime's language interpreter, standard library or base image after its deprecation date stay unpatched for good, and AWS later blocks updates to functions that use it, so an urgent fix can no longer be deployed.",
	Remediation: check.Remediation{
		Text: "Move the function to a supported runtime of its language, test it, and deploy.",
		Terraform: `resource "aws_lambda_function" "example" {
  # ...
  runtime = "python3.13"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
		"https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SI-2"},
		{Framework: check.FrameworkNIST80053, ID: "SA-22"},
		{Framework: check.FrameworkPCIDSS40, ID: "6.3.3"},
		{Framework: check.FrameworkSOC2, ID: "CC7.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.8"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_363"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		now := time.Now()
		for _, f := range in.AWS.Lambda.Functions {
			evalRuntime(f, now, r)
		}
	},
}

func evalRuntime(f *lambda.Function, now time.Time, r *check.Reporter) {
	rt, ok := f.Runtime.Get()
	if !ok || rt == "" {
		return
	}
	deprecated, listed := runtimeDeprecation[rt]
	switch {
	case !listed:
	case !now.Before(deprecated):
		r.Fail(f.Resource, f.Runtime.Origin, "Function %s uses runtime %s, deprecated since %s.", f.Name, rt, deprecated.Format(time.DateOnly))
	default:
		r.Pass(f.Resource)
	}
}
