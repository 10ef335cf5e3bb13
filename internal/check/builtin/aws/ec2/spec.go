package ec2

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
)

// launched is a resource that launches instances, with what it launches
// them with.
type launched struct {
	res  model.Resource
	spec *ec2.LaunchSpec
}

func instances(in *check.Input) []launched {
	var out []launched
	for _, i := range in.AWS.EC2.Instances {
		out = append(out, launched{i.Resource, &i.LaunchSpec})
	}
	return out
}

func templates(in *check.Input) []launched {
	var out []launched
	for _, t := range in.AWS.EC2.LaunchTemplates {
		out = append(out, launched{t.Resource, &t.LaunchSpec})
	}
	return out
}

func configurations(in *check.Input) []launched {
	var out []launched
	for _, c := range in.AWS.EC2.LaunchConfigurations {
		out = append(out, launched{c.Resource, &c.LaunchSpec})
	}
	return out
}

// evalEach runs eval over what list returns, naming resources with noun
// ("Instance", "Launch template").
func evalEach(list func(*check.Input) []launched, noun string, eval func(launched, string, *check.Reporter)) func(*check.Input, *check.Reporter) {
	return func(in *check.Input, r *check.Reporter) {
		for _, l := range list(in) {
			eval(l, noun, r)
		}
	}
}
