package eks

import (
	"strconv"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/eks"
)

// supportWindow is when a Kubernetes minor version leaves EKS standard
// support and then extended support.
type supportWindow struct {
	standardEnd, extendedEnd time.Time
}

// kubernetesSupport holds the EKS support calendar as published at
// https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html.
// Versions older than the oldest listed are past both ends; versions newer
// than the newest listed are taken as supported. Keep it in step with that
// page; the fixtures of AWS-EKS-005 use versions far from their dates.
var kubernetesSupport = map[int]supportWindow{
	29: {date(2025, 3, 23), date(2026, 3, 23)},
	30: {date(2025, 7, 23), date(2026, 7, 23)},
	31: {date(2025, 11, 26), date(2026, 11, 26)},
	32: {date(2026, 3, 23), date(2027, 3, 23)},
	33: {date(2026, 7, 29), date(2027, 7, 29)},
	34: {date(2026, 12, 2), date(2027, 12, 2)},
	35: {date(2027, 3, 27), date(2028, 3, 27)},
}

// oldestListed and newestListed bound kubernetesSupport's minor versions.
const oldestListed, newestListed = 29, 35

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var unsupportedVersion = &check.Check{
	ID:       "AWS-EKS-005",
	Slug:     "aws-eks-kubernetes-version-unsupported",
	Title:    "EKS cluster runs a Kubernetes version past the end of standard support",
	Provider: "aws",
	Service:  "eks",
	Severity: check.Medium,
	Description: "The cluster's Kubernetes minor version has left EKS standard support: it is in paid extended support or, past that, " +
		"no longer supported at all and due for a forced upgrade.",
	Rationale: "The Kubernetes project stops patching a minor version about 14 months after release; past standard support a cluster " +
		"depends on extended support for security fixes, and once that ends AWS upgrades it automatically, possibly breaking workloads " +
		"at a time not of your choosing.",
	Remediation: check.Remediation{
		Text: "Plan and perform in-place upgrades one minor version at a time (control plane, then add-ons and node groups) to a version in standard support.",
		Terraform: `resource "aws_eks_cluster" "example" {
  # ...
  version = "1.35"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
		"https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SI-2"},
		{Framework: check.FrameworkNIST80053, ID: "SA-22"},
		{Framework: check.FrameworkPCIDSS40, ID: "6.3.3"},
		{Framework: check.FrameworkSOC2, ID: "CC7.1"},
		{Framework: check.FrameworkISO27001, ID: "A.8.8"},
	},
	Equivalents: check.Equivalents{Checkov: []string{"CKV_AWS_339"}},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		now := time.Now()
		for _, c := range in.AWS.EKS.Clusters {
			evalVersion(c, now, r)
		}
	},
}

func evalVersion(c *eks.Cluster, now time.Time, r *check.Reporter) {
	v, ok := c.Version.Get()
	if !ok {
		return
	}
	minor, ok := minorVersion(v)
	if !ok {
		return
	}
	w, listed := kubernetesSupport[minor]
	switch {
	case minor > newestListed:
		r.Pass(c.Resource)
	case minor < oldestListed || listed && !now.Before(w.extendedEnd):
		r.Fail(c.Resource, c.Version.Origin, "Cluster %s runs Kubernetes %s, which EKS no longer supports.", c.Name, v)
	case listed && !now.Before(w.standardEnd):
		r.Fail(c.Resource, c.Version.Origin, "Cluster %s runs Kubernetes %s, past the end of standard support (%s).", c.Name, v, w.standardEnd.Format(time.DateOnly))
	case listed:
		r.Pass(c.Resource)
	}
}

// minorVersion reads the minor number of a "1.NN" version.
func minorVersion(v string) (int, bool) {
	major, minor, ok := strings.Cut(v, ".")
	if !ok || major != "1" {
		return 0, false
	}
	n, err := strconv.Atoi(minor)
	return n, err == nil
}
