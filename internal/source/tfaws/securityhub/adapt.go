package securityhub

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/securityhub"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the SecurityHub state from evaluated resources.
func Adapt(set *tfres.Set) securityhub.State {
	var st securityhub.State
	for _, r := range set.OfType("aws_securityhub_account") {
		b := r.Body
		st.Accounts = append(st.Accounts, &securityhub.Account{
			Resource:                r.Identity(""),
			EnableDefaultStandards:  b.Bool("enable_default_standards", true),
			AutoEnableControls:      b.Bool("auto_enable_controls", true),
			ControlFindingGenerator: controlFindingGenerator(b),
		})
	}
	for _, r := range set.OfType("aws_securityhub_standards_subscription") {
		st.Subscriptions = append(st.Subscriptions, &securityhub.StandardsSubscription{
			Resource:     r.Identity(""),
			StandardsARN: r.Body.String("standards_arn", ""),
		})
	}
	return st
}

// controlFindingGenerator is computed by the provider when unset: accounts
// enabled since February 2023 get SECURITY_CONTROL, older ones keep
// STANDARD_CONTROL, so an absent value is unknown.
func controlFindingGenerator(b *tfres.Block) model.String {
	if b.Has("control_finding_generator") || b.Unknown() {
		return b.String("control_finding_generator", "")
	}
	return model.Unresolved[string](b.Origin)
}
