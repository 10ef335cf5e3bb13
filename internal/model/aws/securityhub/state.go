package securityhub

import "github.com/vigil-sec/vigil/internal/model"

// State holds the SecurityHub resources of an estate.
type State struct {
	Accounts      []*Account
	Subscriptions []*StandardsSubscription
}

// Account is Security Hub enabled in one account and region.
type Account struct {
	model.Resource
	// EnableDefaultStandards reports whether the default standards were
	// subscribed when Security Hub was enabled.
	EnableDefaultStandards model.Bool
	// AutoEnableControls reports whether controls newly added to subscribed
	// standards are enabled automatically.
	AutoEnableControls model.Bool
	// ControlFindingGenerator is "SECURITY_CONTROL" (one finding per control)
	// or "STANDARD_CONTROL" (one finding per control and standard).
	ControlFindingGenerator model.String
}

// StandardsSubscription subscribes an account to a security standard.
type StandardsSubscription struct {
	model.Resource
	StandardsARN model.String
}
