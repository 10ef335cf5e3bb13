package escalation

import (
	"sync"

	"github.com/vigil-sec/vigil/internal/iam"
)

// Technique is one known way to gain another principal's permissions or
// more of one's own.
type Technique struct {
	// ID is stable and never reused: "iam-create-policy-version".
	ID   string
	Name string
	// Description says what the attacker does, in a sentence or two.
	Description string
	// Actions are the actions the attacker's principal needs.
	Actions []string
	// References are public write-ups of the technique.
	References []string
}

// family says how a technique's edges are found and checked.
type family uint8

const (
	// grantSelf: change one's own policies (or a group's) to grant admin.
	grantSelf family = iota + 1
	// unblock: remove what keeps one's own policies from granting admin (a
	// boundary, a Deny, a tag a Deny depends on).
	unblock
	// modifyOther: grant admin to another principal, then become it.
	modifyOther
	// tagSession: assume a role with session tags its policies depend on.
	tagSession
	// assume: sts:AssumeRole as the trust policy allows.
	assume
	// updateTrust: rewrite a role's trust policy, then assume it.
	updateTrust
	// userCred: obtain credentials of a user.
	userCred
	// passRole: create (or repoint) a workload that runs with a role.
	passRole
	// workload: run code in an existing workload that has a role.
	workload
	// profileSwap: put a role into the instance profile of an instance one
	// can run code on.
	profileSwap
)

// grant is how a grantSelf or modifyOther technique changes the principal.
type grant uint8

const (
	attachPolicy grant = iota + 1
	attachGroupPolicy
	putPolicy
	putGroupPolicy
	createPolicyVersion
	setDefaultVersion
	addUserToGroup
	tagSelf
)

// lift is how an unblock technique lifts a restriction.
type lift uint8

const (
	deleteBoundary lift = iota + 1
	putBoundary
	detachPolicy
	deleteInlinePolicy
	detachGroupPolicy
	deleteGroupInlinePolicy
	removeFromGroup
	untagSelf
)

// access is how a modifyOther technique becomes the principal it modified.
type access uint8

const (
	viaAssumeRole access = iota + 1
	viaUpdateTrust
	viaAccessKey
)

// on says which resource a step acts on.
type on uint8

const (
	// onTarget: the principal the edge leads to (a user or a role).
	onTarget on = iota + 1
	// onWorkload: the existing workload the edge goes through.
	onWorkload
	// onNew: a resource the attacker creates, named by the step's template.
	onNew
	// onProfile: the instance profile of the workload's role.
	onProfile
	// onDocument: the SSM document AWS-RunShellScript in the workload's
	// region.
	onDocument
	// onTasks: any task of the workload's account and region (a task
	// definition's running tasks are not in the estate).
	onTasks
)

// step is one action a technique takes.
type step struct {
	action string
	on     on
	// template names a created resource: "{partition}", "{region}" and
	// "{account}" are filled in; an attacker may pick any name the policies
	// allow.
	template string
}

// spec is a technique with what the analysis needs to find its edges.
type spec struct {
	*Technique
	family family
	grant  grant
	lift   lift
	access access
	// principal is the PrincipalType the technique's grant or lift applies
	// to (users and roles use different actions).
	principal iam.PrincipalType
	// service is the service principal the role's trust must allow.
	service string
	// passedTo is iam:PassedToService for iam:PassRole, "" where AWS's
	// value is not documented well enough to rely on.
	passedTo string
	// profile: the role must be in an instance profile.
	profile bool
	// kind is the existing workload the technique goes through.
	kind iam.WorkloadKind
	// exec: the technique also needs a way to run code on the instance
	// (ssm:SendCommand, ssm:StartSession or SendSSHPublicKey).
	exec  bool
	steps []step
}

const (
	rhino      = "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"
	bishopFox  = "https://bishopfox.com/blog/privilege-escalation-in-aws"
	pmapper    = "https://github.com/nccgroup/PMapper"
	pathfinder = "https://pathfinding.cloud/paths/"
	hacktricks = "https://cloud.hacktricks.wiki/en/pentesting-cloud/aws-security/aws-privilege-escalation/"
	awsTags    = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html"
	awsSession = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html"
	awsBounds  = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html"
)

func iv(path string) string {
	return "https://github.com/BishopFox/iam-vulnerable/blob/main/modules/free-resources/privesc-paths/" + path
}

// Templates of the resources techniques create.
const (
	newFunction     = "arn:{partition}:lambda:{region}:{account}:function:vigil-escalation"
	newMapping      = "arn:{partition}:lambda:{region}:{account}:event-source-mapping:vigil-escalation"
	newStack        = "arn:{partition}:cloudformation:{region}:{account}:stack/vigil-escalation/1"
	newStackSet     = "arn:{partition}:cloudformation:{region}:{account}:stackset/vigil-escalation:1"
	newDevEndpoint  = "arn:{partition}:glue:{region}:{account}:devEndpoint/vigil-escalation"
	newGlueJob      = "arn:{partition}:glue:{region}:{account}:job/vigil-escalation"
	newGlueTrigger  = "arn:{partition}:glue:{region}:{account}:trigger/vigil-escalation"
	newGlueSession  = "arn:{partition}:glue:{region}:{account}:session/vigil-escalation"
	newNotebook     = "arn:{partition}:sagemaker:{region}:{account}:notebook-instance/vigil-escalation"
	newTrainingJob  = "arn:{partition}:sagemaker:{region}:{account}:training-job/vigil-escalation"
	newProcessing   = "arn:{partition}:sagemaker:{region}:{account}:processing-job/vigil-escalation"
	newLifecycle    = "arn:{partition}:sagemaker:{region}:{account}:notebook-instance-lifecycle-config/vigil-escalation"
	newProject      = "arn:{partition}:codebuild:{region}:{account}:project/vigil-escalation"
	newTaskDef      = "arn:{partition}:ecs:{region}:{account}:task-definition/vigil-escalation:1"
	newECSService   = "arn:{partition}:ecs:{region}:{account}:service/default/vigil-escalation"
	newPipeline     = "arn:{partition}:datapipeline:{region}:{account}:pipeline/vigil-escalation"
	newStateMachine = "arn:{partition}:states:{region}:{account}:stateMachine:vigil-escalation"
	newAppRunner    = "arn:{partition}:apprunner:{region}:{account}:service/vigil-escalation/1"
	newInterpreter  = "arn:{partition}:bedrock-agentcore:{region}:{account}:code-interpreter-custom/vigil-escalation"
	newEMRCluster   = "arn:{partition}:elasticmapreduce:{region}:{account}:cluster/vigil-escalation"
	newJobDef       = "arn:{partition}:batch:{region}:{account}:job-definition/vigil-escalation"
	newJobQueue     = "arn:{partition}:batch:{region}:{account}:job-queue/vigil-escalation"
	newInstance     = "arn:{partition}:ec2:{region}:{account}:instance/*"
	newSpotRequest  = "arn:{partition}:ec2:{region}:{account}:spot-instances-request/*"
	newLaunchTmpl   = "arn:{partition}:ec2:{region}:{account}:launch-template/*"
	newLaunchConfig = "arn:{partition}:autoscaling:{region}:{account}:launchConfiguration:*:launchConfigurationName/vigil-escalation"
	newASG          = "arn:{partition}:autoscaling:{region}:{account}:autoScalingGroup:*:autoScalingGroupName/vigil-escalation"
	newProfile      = "arn:{partition}:iam::{account}:instance-profile/vigil-escalation"
	newDocument     = "arn:{partition}:ssm:{region}:{account}:document/vigil-escalation"
	newAutomation   = "arn:{partition}:ssm:{region}:{account}:automation-definition/vigil-escalation:$DEFAULT"
)

func created(action, template string) step {
	return step{action: action, on: onNew, template: template}
}
func onT(action string) step { return step{action: action, on: onTarget} }
func onW(action string) step { return step{action: action, on: onWorkload} }

// specs is every technique, in the order edges are tried: for one pair of
// principals the first technique that works is the one reported, so
// simpler techniques come first.
func buildSpecs() []*spec {
	t := func(id, name, desc string, refs ...string) *Technique {
		return &Technique{ID: id, Name: name, Description: desc, References: refs}
	}
	specs := []*spec{
		// Self-grants.
		{Technique: t("iam-create-policy-version", "Create a new version of an attached policy",
			"Create an administrator version of a customer managed policy attached to oneself (or one's group) and make it the default.",
			rhino, pathfinder+"iam-001", iv("privesc1-CreateNewPolicyVersion.tf")),
			family: grantSelf, grant: createPolicyVersion, steps: []step{{action: "iam:CreatePolicyVersion"}}},
		{Technique: t("iam-set-default-policy-version", "Set a more permissive policy version as default",
			"Make an existing non-default version of an attached customer managed policy the default when it grants administrator.",
			rhino, iv("privesc2-SetExistingDefaultPolicyVersion.tf")),
			family: grantSelf, grant: setDefaultVersion, steps: []step{{action: "iam:SetDefaultPolicyVersion"}}},
		{Technique: t("iam-attach-user-policy", "Attach AdministratorAccess to oneself",
			"Attach the AWS managed policy AdministratorAccess to one's own user.",
			rhino, pathfinder+"iam-008", iv("privesc7-AttachUserPolicy.tf")),
			family: grantSelf, grant: attachPolicy, principal: iam.User, steps: []step{onT("iam:AttachUserPolicy")}},
		{Technique: t("iam-attach-role-policy", "Attach AdministratorAccess to one's role",
			"Attach the AWS managed policy AdministratorAccess to the role one is acting as.",
			rhino, pathfinder+"iam-009", iv("privesc9-AttachRolePolicy.tf")),
			family: grantSelf, grant: attachPolicy, principal: iam.Role, steps: []step{onT("iam:AttachRolePolicy")}},
		{Technique: t("iam-attach-group-policy", "Attach AdministratorAccess to one's group",
			"Attach the AWS managed policy AdministratorAccess to a group one is a member of.",
			rhino, pathfinder+"iam-010", iv("privesc8-AttachGroupPolicy.tf")),
			family: grantSelf, grant: attachGroupPolicy, principal: iam.User, steps: []step{{action: "iam:AttachGroupPolicy"}}},
		{Technique: t("iam-put-user-policy", "Add an administrator inline policy to oneself",
			"Write an inline policy granting everything into one's own user.",
			rhino, pathfinder+"iam-007", iv("privesc10-PutUserPolicy.tf")),
			family: grantSelf, grant: putPolicy, principal: iam.User, steps: []step{onT("iam:PutUserPolicy")}},
		{Technique: t("iam-put-role-policy", "Add an administrator inline policy to one's role",
			"Write an inline policy granting everything into the role one is acting as.",
			rhino, pathfinder+"iam-005", iv("privesc12-PutRolePolicy.tf")),
			family: grantSelf, grant: putPolicy, principal: iam.Role, steps: []step{onT("iam:PutRolePolicy")}},
		{Technique: t("iam-put-group-policy", "Add an administrator inline policy to one's group",
			"Write an inline policy granting everything into a group one is a member of.",
			rhino, pathfinder+"iam-011", iv("privesc11-PutGroupPolicy.tf")),
			family: grantSelf, grant: putGroupPolicy, principal: iam.User, steps: []step{{action: "iam:PutGroupPolicy"}}},
		{Technique: t("iam-add-user-to-group", "Join an administrator group",
			"Add one's own user to a group whose policies grant administrator.",
			rhino, pathfinder+"iam-013", iv("privesc13-AddUserToGroup.tf")),
			family: grantSelf, grant: addUserToGroup, principal: iam.User, steps: []step{{action: "iam:AddUserToGroup"}}},
		{Technique: t("iam-tag-user", "Tag oneself into more permissions",
			"Set tags on one's own user that the conditions (aws:PrincipalTag) of one's own policies grant administrator for.",
			awsTags, hacktricks+"aws-iam-privesc/index.html"),
			family: grantSelf, grant: tagSelf, principal: iam.User, steps: []step{onT("iam:TagUser")}},
		{Technique: t("iam-tag-role", "Tag one's role into more permissions",
			"Set tags on the role one is acting as that the conditions (aws:PrincipalTag) of its policies grant administrator for.",
			awsTags, hacktricks+"aws-iam-privesc/index.html"),
			family: grantSelf, grant: tagSelf, principal: iam.Role, steps: []step{onT("iam:TagRole")}},

		// Lifting what keeps one's policies from granting admin.
		{Technique: t("iam-delete-user-permissions-boundary", "Delete one's permissions boundary",
			"Remove the permissions boundary that is all that keeps one's own user from administrator.",
			awsBounds, "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html"),
			family: unblock, lift: deleteBoundary, principal: iam.User, steps: []step{onT("iam:DeleteUserPermissionsBoundary")}},
		{Technique: t("iam-delete-role-permissions-boundary", "Delete one's role's permissions boundary",
			"Remove the permissions boundary that is all that keeps one's role from administrator.",
			awsBounds, "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html"),
			family: unblock, lift: deleteBoundary, principal: iam.Role, steps: []step{onT("iam:DeleteRolePermissionsBoundary")}},
		{Technique: t("iam-put-user-permissions-boundary", "Replace one's permissions boundary",
			"Set AdministratorAccess as the permissions boundary of one's own user, lifting the boundary that kept it from administrator.",
			awsBounds, "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPermissionsBoundary.html"),
			family: unblock, lift: putBoundary, principal: iam.User, steps: []step{onT("iam:PutUserPermissionsBoundary")}},
		{Technique: t("iam-put-role-permissions-boundary", "Replace one's role's permissions boundary",
			"Set AdministratorAccess as the permissions boundary of one's role, lifting the boundary that kept it from administrator.",
			awsBounds, "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePermissionsBoundary.html"),
			family: unblock, lift: putBoundary, principal: iam.Role, steps: []step{onT("iam:PutRolePermissionsBoundary")}},
		{Technique: t("iam-detach-user-policy", "Detach the policy that denies oneself",
			"Detach from one's own user the managed policy whose Deny statements are all that keep it from administrator.",
			hacktricks+"aws-iam-privesc/index.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
			family: unblock, lift: detachPolicy, principal: iam.User, steps: []step{onT("iam:DetachUserPolicy")}},
		{Technique: t("iam-detach-role-policy", "Detach the policy that denies one's role",
			"Detach from one's role the managed policy whose Deny statements are all that keep it from administrator.",
			hacktricks+"aws-iam-privesc/index.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
			family: unblock, lift: detachPolicy, principal: iam.Role, steps: []step{onT("iam:DetachRolePolicy")}},
		{Technique: t("iam-delete-user-policy", "Delete the inline policy that denies oneself",
			"Delete from one's own user the inline policy whose Deny statements are all that keep it from administrator.",
			hacktricks+"aws-iam-privesc/index.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
			family: unblock, lift: deleteInlinePolicy, principal: iam.User, steps: []step{onT("iam:DeleteUserPolicy")}},
		{Technique: t("iam-delete-role-policy", "Delete the inline policy that denies one's role",
			"Delete from one's role the inline policy whose Deny statements are all that keep it from administrator.",
			hacktricks+"aws-iam-privesc/index.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
			family: unblock, lift: deleteInlinePolicy, principal: iam.Role, steps: []step{onT("iam:DeleteRolePolicy")}},
		{Technique: t("iam-detach-group-policy", "Detach the policy that denies one's group",
			"Detach from one's group the managed policy whose Deny statements are all that keep one from administrator.",
			hacktricks+"aws-iam-privesc/index.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
			family: unblock, lift: detachGroupPolicy, principal: iam.User, steps: []step{{action: "iam:DetachGroupPolicy"}}},
		{Technique: t("iam-delete-group-policy", "Delete the inline policy that denies one's group",
			"Delete from one's group the inline policy whose Deny statements are all that keep one from administrator.",
			hacktricks+"aws-iam-privesc/index.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
			family: unblock, lift: deleteGroupInlinePolicy, principal: iam.User, steps: []step{{action: "iam:DeleteGroupPolicy"}}},
		{Technique: t("iam-remove-user-from-group", "Leave the group that denies oneself",
			"Remove one's own user from the group whose Deny statements are all that keep it from administrator.",
			hacktricks+"aws-iam-privesc/index.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
			family: unblock, lift: removeFromGroup, principal: iam.User, steps: []step{{action: "iam:RemoveUserFromGroup"}}},
		{Technique: t("iam-untag-user", "Remove the tag a Deny depends on",
			"Remove a tag from one's own user that the conditions (aws:PrincipalTag) of a Deny statement keeping it from administrator depend on.",
			awsTags),
			family: unblock, lift: untagSelf, principal: iam.User, steps: []step{onT("iam:UntagUser")}},
		{Technique: t("iam-untag-role", "Remove the tag a Deny depends on from one's role",
			"Remove a tag from one's role that the conditions (aws:PrincipalTag) of a Deny statement keeping it from administrator depend on.",
			awsTags),
			family: unblock, lift: untagSelf, principal: iam.Role, steps: []step{onT("iam:UntagRole")}},

		// Granting admin to a principal one can become.
		{Technique: t("iam-attach-role-policy-assume-role", "Attach AdministratorAccess to a role, then assume it",
			"Attach AdministratorAccess to a role whose trust policy lets one assume it.",
			pathfinder+"iam-014", pmapper),
			family: modifyOther, grant: attachPolicy, access: viaAssumeRole, principal: iam.Role, steps: []step{onT("iam:AttachRolePolicy")}},
		{Technique: t("iam-put-role-policy-assume-role", "Add an administrator inline policy to a role, then assume it",
			"Write an inline policy granting everything into a role whose trust policy lets one assume it.",
			pathfinder+"iam-017", pmapper),
			family: modifyOther, grant: putPolicy, access: viaAssumeRole, principal: iam.Role, steps: []step{onT("iam:PutRolePolicy")}},
		{Technique: t("iam-create-policy-version-assume-role", "Rewrite a role's policy, then assume it",
			"Create an administrator version of a customer managed policy attached to a role one can assume.",
			pathfinder+"iam-016"),
			family: modifyOther, grant: createPolicyVersion, access: viaAssumeRole, principal: iam.Role, steps: []step{{action: "iam:CreatePolicyVersion"}}},
		{Technique: t("iam-attach-role-policy-update-trust", "Attach AdministratorAccess to a role and trust oneself",
			"Attach AdministratorAccess to a role, rewrite its trust policy to name oneself, and assume it.",
			pathfinder+"iam-019"),
			family: modifyOther, grant: attachPolicy, access: viaUpdateTrust, principal: iam.Role, steps: []step{onT("iam:AttachRolePolicy")}},
		{Technique: t("iam-put-role-policy-update-trust", "Add an administrator inline policy to a role and trust oneself",
			"Write an inline policy granting everything into a role, rewrite its trust policy to name oneself, and assume it.",
			pathfinder+"iam-021"),
			family: modifyOther, grant: putPolicy, access: viaUpdateTrust, principal: iam.Role, steps: []step{onT("iam:PutRolePolicy")}},
		{Technique: t("iam-create-policy-version-update-trust", "Rewrite a role's policy and trust oneself",
			"Create an administrator version of a customer managed policy attached to a role, rewrite the role's trust policy to name oneself, and assume it.",
			pathfinder+"iam-020"),
			family: modifyOther, grant: createPolicyVersion, access: viaUpdateTrust, principal: iam.Role, steps: []step{{action: "iam:CreatePolicyVersion"}}},
		{Technique: t("iam-attach-user-policy-create-access-key", "Attach AdministratorAccess to a user, then create its access key",
			"Attach AdministratorAccess to another user and create an access key for it.",
			pathfinder+"iam-015"),
			family: modifyOther, grant: attachPolicy, access: viaAccessKey, principal: iam.User, steps: []step{onT("iam:AttachUserPolicy")}},
		{Technique: t("iam-put-user-policy-create-access-key", "Add an administrator inline policy to a user, then create its access key",
			"Write an inline policy granting everything into another user and create an access key for it.",
			pathfinder+"iam-018"),
			family: modifyOther, grant: putPolicy, access: viaAccessKey, principal: iam.User, steps: []step{onT("iam:PutUserPolicy")}},
		{Technique: t("sts-tag-session", "Assume a role with session tags",
			"Assume a role passing session tags that the conditions (aws:PrincipalTag) of the role's policies grant administrator for.",
			awsSession, hacktricks+"aws-sts-privesc/index.html"),
			family: tagSession, steps: []step{onT("sts:AssumeRole"), onT("sts:TagSession")}},

		// Becoming another principal.
		{Technique: t("sts-assume-role", "Assume a role",
			"Assume a role whose trust policy (and, where needed, one's own policies) allow it.",
			pathfinder+"sts-001", iv("privesc-AssumeRole.tf"), pmapper),
			family: assume, steps: []step{onT("sts:AssumeRole")}},
		{Technique: t("iam-update-assume-role-policy", "Rewrite a role's trust policy and assume it",
			"Replace a role's trust policy with one naming oneself, then assume the role.",
			rhino, pathfinder+"iam-012", iv("privesc14-UpdatingAssumeRolePolicy.tf")),
			family: updateTrust, steps: []step{onT("iam:UpdateAssumeRolePolicy"), onT("sts:AssumeRole")}},
		{Technique: t("iam-create-access-key", "Create an access key for a user",
			"Create a new access key for another user and act as it.",
			rhino, pathfinder+"iam-002", iv("privesc4-CreateAccessKey.tf")),
			family: userCred, steps: []step{onT("iam:CreateAccessKey")}},
		{Technique: t("iam-create-login-profile", "Give a user a console password",
			"Create a console password for a user that has none and sign in as it.",
			rhino, pathfinder+"iam-004", iv("privesc5-CreateLoginProfile.tf")),
			family: userCred, steps: []step{onT("iam:CreateLoginProfile")}},
		{Technique: t("iam-update-login-profile", "Reset a user's console password",
			"Change another user's console password and sign in as it.",
			rhino, pathfinder+"iam-006", iv("privesc6-UpdateLoginProfile.tf")),
			family: userCred, steps: []step{onT("iam:UpdateLoginProfile")}},
	}
	specs = append(specs, passRoleSpecs(t)...)
	specs = append(specs, workloadSpecs(t)...)
	for _, s := range specs {
		s.Actions = s.actions()
	}
	return specs
}

// passRoleSpecs are the techniques that pass a role to a service.
func passRoleSpecs(t func(id, name, desc string, refs ...string) *Technique) []*spec {
	const (
		ec2     = "ec2.amazonaws.com"
		lambda  = "lambda.amazonaws.com"
		cfn     = "cloudformation.amazonaws.com"
		glue    = "glue.amazonaws.com"
		sm      = "sagemaker.amazonaws.com"
		cb      = "codebuild.amazonaws.com"
		ecs     = "ecs-tasks.amazonaws.com"
		dp      = "datapipeline.amazonaws.com"
		states  = "states.amazonaws.com"
		emr     = "elasticmapreduce.amazonaws.com"
		runner  = "tasks.apprunner.amazonaws.com"
		agentcr = "bedrock-agentcore.amazonaws.com"
	)
	return []*spec{
		{Technique: t("lambda-create-function-invoke", "Pass a role to a new Lambda function and invoke it",
			"Create a Lambda function running as the role and invoke it.",
			rhino, pathfinder+"lambda-001", iv("privesc15-PassExistingRoleToNewLambdaThenInvoke.tf"), pmapper),
			family: passRole, service: lambda, passedTo: lambda,
			steps: []step{created("lambda:CreateFunction", newFunction), created("lambda:InvokeFunction", newFunction)}},
		{Technique: t("lambda-create-function-event-source", "Pass a role to a new Lambda function triggered by an event source",
			"Create a Lambda function running as the role and map an event source (a DynamoDB stream) to it.",
			rhino, pathfinder+"lambda-002", iv("privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo.tf")),
			family: passRole, service: lambda, passedTo: lambda,
			steps: []step{created("lambda:CreateFunction", newFunction), created("lambda:CreateEventSourceMapping", newMapping)}},
		{Technique: t("lambda-create-function-add-permission", "Pass a role to a new Lambda function and let oneself invoke it",
			"Create a Lambda function running as the role, grant oneself invocation in its resource policy, and invoke it.",
			pathfinder+"lambda-006"),
			family: passRole, service: lambda, passedTo: lambda,
			steps: []step{created("lambda:CreateFunction", newFunction), created("lambda:AddPermission", newFunction)}},
		{Technique: t("ec2-run-instances", "Pass a role to a new EC2 instance",
			"Launch an instance with an instance profile holding the role and read its credentials (user data or a shell).",
			rhino, pathfinder+"ec2-001", iv("privesc3-CreateEC2WithExistingIP.tf"), pmapper),
			family: passRole, service: ec2, passedTo: ec2, profile: true,
			steps: []step{created("ec2:RunInstances", newInstance)}},
		{Technique: t("ec2-run-instances-new-profile", "Put a role in a new instance profile and launch an instance with it",
			"Create an instance profile, add the role to it, and launch an instance with it.",
			pmapper, hacktricks+"aws-ec2-privesc/index.html"),
			family: passRole, service: ec2, passedTo: ec2,
			steps: []step{created("iam:CreateInstanceProfile", newProfile), created("iam:AddRoleToInstanceProfile", newProfile), created("ec2:RunInstances", newInstance)}},
		{Technique: t("ec2-request-spot-instances", "Pass a role to a new spot instance",
			"Request a spot instance with an instance profile holding the role.",
			pathfinder+"ec2-004"),
			family: passRole, service: ec2, passedTo: ec2, profile: true,
			steps: []step{created("ec2:RequestSpotInstances", newSpotRequest)}},
		{Technique: t("ec2-launch-template-autoscaling", "Pass a role to an Auto Scaling group through a launch template",
			"Create a launch template with an instance profile holding the role and an Auto Scaling group launching it.",
			pmapper, hacktricks+"aws-autoscaling-privesc/index.html"),
			family: passRole, service: ec2, passedTo: ec2, profile: true,
			steps: []step{created("ec2:CreateLaunchTemplate", newLaunchTmpl), created("autoscaling:CreateAutoScalingGroup", newASG)}},
		{Technique: t("autoscaling-launch-configuration", "Pass a role to an Auto Scaling group through a launch configuration",
			"Create a launch configuration with an instance profile holding the role and an Auto Scaling group launching it.",
			pmapper, hacktricks+"aws-autoscaling-privesc/index.html"),
			family: passRole, service: ec2, profile: true,
			steps: []step{created("autoscaling:CreateLaunchConfiguration", newLaunchConfig), created("autoscaling:CreateAutoScalingGroup", newASG)}},
		{Technique: t("cloudformation-create-stack", "Pass a role to a new CloudFormation stack",
			"Create a stack that CloudFormation deploys as the role; the template creates whatever the role may.",
			rhino, pathfinder+"cloudformation-001", iv("privesc20-PassExistingRoleToCloudFormation.tf"), pmapper),
			family: passRole, service: cfn, passedTo: cfn,
			steps: []step{created("cloudformation:CreateStack", newStack)}},
		{Technique: t("cloudformation-create-change-set", "Pass a role to a new stack through a change set",
			"Create a change set for a new stack with the role and execute it.",
			pathfinder+"cloudformation-005", hacktricks+"aws-cloudformation-privesc/index.html"),
			family: passRole, service: cfn, passedTo: cfn,
			steps: []step{created("cloudformation:CreateChangeSet", newStack), created("cloudformation:ExecuteChangeSet", newStack)}},
		{Technique: t("cloudformation-create-stack-set", "Pass a role to a new stack set",
			"Create a self-managed stack set whose execution role is the role and deploy an instance of it.",
			pathfinder+"cloudformation-003"),
			family: passRole, service: cfn, passedTo: cfn,
			steps: []step{created("cloudformation:CreateStackSet", newStackSet), created("cloudformation:CreateStackInstances", newStackSet)}},
		{Technique: t("glue-create-dev-endpoint", "Pass a role to a new Glue development endpoint",
			"Create a Glue development endpoint running as the role and log in to it over SSH.",
			rhino, pathfinder+"glue-001", iv("privesc18-PassExistingRoleToNewGlueDevEndpoint.tf")),
			family: passRole, service: glue, passedTo: glue,
			steps: []step{created("glue:CreateDevEndpoint", newDevEndpoint)}},
		{Technique: t("glue-create-job", "Pass a role to a new Glue job and run it",
			"Create a Glue job running as the role and start a run of it.",
			pathfinder+"glue-003"),
			family: passRole, service: glue, passedTo: glue,
			steps: []step{created("glue:CreateJob", newGlueJob), created("glue:StartJobRun", newGlueJob)}},
		{Technique: t("glue-create-job-trigger", "Pass a role to a new Glue job and trigger it",
			"Create a Glue job running as the role and a trigger that starts it.",
			pathfinder+"glue-004"),
			family: passRole, service: glue, passedTo: glue,
			steps: []step{created("glue:CreateJob", newGlueJob), created("glue:CreateTrigger", newGlueTrigger)}},
		{Technique: t("glue-create-session", "Pass a role to a new Glue interactive session",
			"Create a Glue interactive session running as the role and run statements in it.",
			pathfinder+"glue-007"),
			family: passRole, service: glue, passedTo: glue,
			steps: []step{created("glue:CreateSession", newGlueSession), created("glue:RunStatement", newGlueSession)}},
		{Technique: t("glue-update-job", "Point an existing Glue job at a role and run it",
			"Change an existing Glue job to run as the role with one's own script, then start it.",
			pathfinder+"glue-005"),
			family: passRole, service: glue, passedTo: glue, kind: iam.GlueJob,
			steps: []step{onW("glue:UpdateJob"), onW("glue:StartJobRun")}},
		{Technique: t("glue-update-job-trigger", "Point an existing Glue job at a role and trigger it",
			"Change an existing Glue job to run as the role with one's own script, and create a trigger that starts it.",
			pathfinder+"glue-006"),
			family: passRole, service: glue, passedTo: glue, kind: iam.GlueJob,
			steps: []step{onW("glue:UpdateJob"), created("glue:CreateTrigger", newGlueTrigger)}},
		{Technique: t("sagemaker-create-notebook", "Pass a role to a new SageMaker notebook",
			"Create a notebook instance running as the role and open it through a presigned URL.",
			pathfinder+"sagemaker-001", iv("privesc-sageMakerCreateNotebookPassRole.tf"), pmapper),
			family: passRole, service: sm, passedTo: sm,
			steps: []step{created("sagemaker:CreateNotebookInstance", newNotebook), created("sagemaker:CreatePresignedNotebookInstanceUrl", newNotebook)}},
		{Technique: t("sagemaker-create-training-job", "Pass a role to a new SageMaker training job",
			"Create a training job running one's own container or script as the role.",
			pathfinder+"sagemaker-002", iv("privesc-sageMakerCreateTrainingJob.tf")),
			family: passRole, service: sm, passedTo: sm,
			steps: []step{created("sagemaker:CreateTrainingJob", newTrainingJob)}},
		{Technique: t("sagemaker-create-processing-job", "Pass a role to a new SageMaker processing job",
			"Create a processing job running one's own container or script as the role.",
			pathfinder+"sagemaker-003", iv("privesc-sageMakerCreateProcessingJob.tf")),
			family: passRole, service: sm, passedTo: sm,
			steps: []step{created("sagemaker:CreateProcessingJob", newProcessing)}},
		{Technique: t("codebuild-create-project", "Pass a role to a new CodeBuild project and build it",
			"Create a CodeBuild project running as the role with one's own buildspec and start a build.",
			pathfinder+"codebuild-001", iv("privesc-codeBuildCreateProjectPassRole.tf"), pmapper),
			family: passRole, service: cb, passedTo: cb,
			steps: []step{created("codebuild:CreateProject", newProject), created("codebuild:StartBuild", newProject)}},
		{Technique: t("codebuild-create-project-batch", "Pass a role to a new CodeBuild project and run a batch build",
			"Create a CodeBuild project running as the role and start a batch build.",
			pathfinder+"codebuild-004"),
			family: passRole, service: cb, passedTo: cb,
			steps: []step{created("codebuild:CreateProject", newProject), created("codebuild:StartBuildBatch", newProject)}},
		{Technique: t("ecs-run-task", "Pass a role to a new ECS task definition and run it",
			"Register a task definition whose task role is the role and run a task of it.",
			pathfinder+"ecs-004", hacktricks+"aws-ecs-privesc/index.html"),
			family: passRole, service: ecs, passedTo: ecs,
			steps: []step{created("ecs:RegisterTaskDefinition", newTaskDef), created("ecs:RunTask", newTaskDef)}},
		{Technique: t("ecs-start-task", "Pass a role to a new ECS task definition and start it",
			"Register a task definition whose task role is the role and start a task of it on a container instance.",
			pathfinder+"ecs-005"),
			family: passRole, service: ecs, passedTo: ecs,
			steps: []step{created("ecs:RegisterTaskDefinition", newTaskDef), created("ecs:StartTask", newTaskDef)}},
		{Technique: t("ecs-create-service", "Pass a role to a new ECS service",
			"Register a task definition whose task role is the role and create a service running it.",
			pathfinder+"ecs-003"),
			family: passRole, service: ecs, passedTo: ecs,
			steps: []step{created("ecs:RegisterTaskDefinition", newTaskDef), created("ecs:CreateService", newECSService)}},
		{Technique: t("ecs-run-task-override", "Run an existing task definition with another task role",
			"Run a task of an existing task definition, overriding its task role with the role and its command with one's own.",
			pathfinder+"ecs-008"),
			family: passRole, service: ecs, passedTo: ecs, kind: iam.ECSTaskDefinition,
			steps: []step{onW("ecs:RunTask")}},
		{Technique: t("ecs-start-task-override", "Start an existing task definition with another task role",
			"Start a task of an existing task definition on a container instance, overriding its task role and command.",
			pathfinder+"ecs-009"),
			family: passRole, service: ecs, passedTo: ecs, kind: iam.ECSTaskDefinition,
			steps: []step{onW("ecs:StartTask")}},
		{Technique: t("datapipeline-create-pipeline", "Pass a role to a new Data Pipeline",
			"Create a pipeline running as the role, define a shell command activity and activate it.",
			rhino, pathfinder+"datapipeline-001", iv("privesc21-PassExistingRoleToNewDataPipeline.tf")),
			family: passRole, service: dp, passedTo: dp,
			steps: []step{created("datapipeline:CreatePipeline", newPipeline), created("datapipeline:PutPipelineDefinition", newPipeline), created("datapipeline:ActivatePipeline", newPipeline)}},
		{Technique: t("states-create-state-machine", "Pass a role to a new Step Functions state machine",
			"Create a state machine running as the role whose tasks call AWS APIs, and start an execution.",
			hacktricks+"aws-stepfunctions-privesc/index.html"),
			family: passRole, service: states, passedTo: states,
			steps: []step{created("states:CreateStateMachine", newStateMachine), created("states:StartExecution", newStateMachine)}},
		{Technique: t("apprunner-create-service", "Pass a role to a new App Runner service",
			"Create an App Runner service whose instance role is the role, running one's own start command.",
			pathfinder+"apprunner-001"),
			family: passRole, service: runner,
			steps: []step{created("apprunner:CreateService", newAppRunner)}},
		{Technique: t("bedrock-agentcore-code-interpreter", "Pass a role to a new Bedrock AgentCore code interpreter",
			"Create a code interpreter whose execution role is the role, start a session and run code that reads its credentials.",
			pathfinder+"bedrock-001"),
			family: passRole, service: agentcr,
			steps: []step{created("bedrock-agentcore:CreateCodeInterpreter", newInterpreter), created("bedrock-agentcore:StartCodeInterpreterSession", newInterpreter), created("bedrock-agentcore:InvokeCodeInterpreter", newInterpreter)}},
		{Technique: t("ssm-start-automation-execution", "Pass a role to an SSM Automation execution",
			"Create an Automation document with a script step and start an execution whose AutomationAssumeRole is the role.",
			pathfinder+"ssm-003"),
			family: passRole, service: "ssm.amazonaws.com", passedTo: "ssm.amazonaws.com",
			steps: []step{created("ssm:CreateDocument", newDocument), created("ssm:StartAutomationExecution", newAutomation)}},
		{Technique: t("emr-run-job-flow", "Pass a role to a new EMR cluster",
			"Launch an EMR cluster whose EC2 instance profile holds the role, with a step or bootstrap action of one's own.",
			pathfinder+"emr-001"),
			family: passRole, service: ec2, passedTo: emr, profile: true,
			steps: []step{created("elasticmapreduce:RunJobFlow", newEMRCluster)}},
		{Technique: t("batch-submit-job", "Pass a role to a new Batch job definition and submit it",
			"Register a Batch job definition whose job role is the role and submit a job of it.",
			pathfinder+"batch-001"),
			family: passRole, service: ecs,
			steps: []step{created("batch:RegisterJobDefinition", newJobDef), created("batch:SubmitJob", newJobDef), created("batch:SubmitJob", newJobQueue)}},
	}
}

// workloadSpecs are the techniques that go through an existing workload.
func workloadSpecs(t func(id, name, desc string, refs ...string) *Technique) []*spec {
	return []*spec{
		{Technique: t("lambda-update-function-code-invoke", "Replace a Lambda function's code and invoke it",
			"Upload one's own code to a function that runs as the role and invoke it.",
			pathfinder+"lambda-004"),
			family: workload, kind: iam.LambdaFunction, steps: []step{onW("lambda:UpdateFunctionCode"), onW("lambda:InvokeFunction")}},
		{Technique: t("lambda-update-function-code", "Replace a Lambda function's code",
			"Upload one's own code to a function that runs as the role; it runs at the function's next invocation.",
			rhino, pathfinder+"lambda-003", iv("privesc17-EditExistingLambdaFunctionWithRole.tf"), pmapper),
			family: workload, kind: iam.LambdaFunction, steps: []step{onW("lambda:UpdateFunctionCode")}},
		{Technique: t("lambda-update-function-configuration", "Add a layer to a Lambda function",
			"Change a function's configuration to load one's own layer, which runs as the function's role.",
			hacktricks+"aws-lambda-privesc/index.html"),
			family: workload, kind: iam.LambdaFunction, steps: []step{onW("lambda:UpdateFunctionConfiguration")}},
		{Technique: t("ssm-send-command", "Run a command on an instance through SSM",
			"Send an SSM Run Command to an instance whose role one then reads from the instance metadata service.",
			pathfinder+"ssm-002", iv("privesc-ssmSendCommand.tf"), pmapper),
			family: workload, kind: iam.EC2Instance, steps: []step{onW("ssm:SendCommand"), {action: "ssm:SendCommand", on: onDocument}}},
		{Technique: t("ssm-start-session", "Open an SSM session on an instance",
			"Start a Session Manager shell on an instance and read its role's credentials.",
			pathfinder+"ssm-001", iv("privesc-ssmStartSession.tf")),
			family: workload, kind: iam.EC2Instance, steps: []step{onW("ssm:StartSession")}},
		{Technique: t("ssm-create-association", "Associate a command document with an instance",
			"Create a State Manager association that runs AWS-RunShellScript on an instance, and read its role's credentials.",
			hacktricks+"aws-ssm-privesc/index.html"),
			family: workload, kind: iam.EC2Instance, steps: []step{onW("ssm:CreateAssociation"), {action: "ssm:CreateAssociation", on: onDocument}}},
		{Technique: t("ec2-instance-connect", "SSH into an instance through EC2 Instance Connect",
			"Push an SSH key with EC2 Instance Connect, log in and read the instance role's credentials.",
			pathfinder+"ec2-003", iv("privesc-ec2InstanceConnect.tf")),
			family: workload, kind: iam.EC2Instance, steps: []step{onW("ec2-instance-connect:SendSSHPublicKey")}},
		{Technique: t("ec2-modify-user-data", "Replace an instance's user data and restart it",
			"Stop an instance, replace its user data with one's own script and start it again.",
			pathfinder+"ec2-002", hacktricks+"aws-ec2-privesc/index.html"),
			family: workload, kind: iam.EC2Instance, steps: []step{onW("ec2:StopInstances"), onW("ec2:ModifyInstanceAttribute"), onW("ec2:StartInstances")}},
		{Technique: t("ecs-execute-command", "Open a shell in a running ECS task",
			"Run ECS Exec in a task of a task definition and read its task role's credentials.",
			pathfinder+"ecs-006"),
			family: workload, kind: iam.ECSTaskDefinition, steps: []step{{action: "ecs:ExecuteCommand", on: onTasks}}},
		{Technique: t("codebuild-start-build", "Start a CodeBuild build with one's own buildspec",
			"Start a build of an existing project overriding its buildspec; the build runs as the project's role.",
			pathfinder+"codebuild-002"),
			family: workload, kind: iam.CodeBuildProject, steps: []step{onW("codebuild:StartBuild")}},
		{Technique: t("codebuild-start-build-batch", "Start a CodeBuild batch build with one's own buildspec",
			"Start a batch build of an existing project overriding its buildspec.",
			pathfinder+"codebuild-003"),
			family: workload, kind: iam.CodeBuildProject, steps: []step{onW("codebuild:StartBuildBatch")}},
		{Technique: t("codebuild-update-project", "Change a CodeBuild project's buildspec and build it",
			"Update an existing project's buildspec to one's own and start a build.",
			hacktricks+"aws-codebuild-privesc/index.html"),
			family: workload, kind: iam.CodeBuildProject, steps: []step{onW("codebuild:UpdateProject"), onW("codebuild:StartBuild")}},
		{Technique: t("glue-update-dev-endpoint", "Add one's SSH key to a Glue development endpoint",
			"Add a public key to an existing development endpoint and log in as its role.",
			rhino, pathfinder+"glue-002", iv("privesc19-UpdateExistingGlueDevEndpoint.tf")),
			family: workload, kind: iam.GlueDevEndpoint, steps: []step{onW("glue:UpdateDevEndpoint")}},
		{Technique: t("sagemaker-presigned-notebook-url", "Open an existing SageMaker notebook",
			"Create a presigned URL for an existing notebook instance and run code as its role.",
			pathfinder+"sagemaker-004", iv("privesc-sageMakerCreatePresignedNotebookURL.tf")),
			family: workload, kind: iam.SageMakerNotebook, steps: []step{onW("sagemaker:CreatePresignedNotebookInstanceUrl")}},
		{Technique: t("sagemaker-notebook-lifecycle-config", "Inject a lifecycle configuration into a notebook",
			"Attach one's own lifecycle configuration to an existing notebook instance and restart it.",
			pathfinder+"sagemaker-005"),
			family: workload, kind: iam.SageMakerNotebook,
			steps: []step{created("sagemaker:CreateNotebookInstanceLifecycleConfig", newLifecycle), onW("sagemaker:StopNotebookInstance"), onW("sagemaker:UpdateNotebookInstance"), onW("sagemaker:StartNotebookInstance")}},
		{Technique: t("cloudformation-update-stack", "Update a stack that deploys with a role",
			"Update an existing stack's template; CloudFormation deploys it as the stack's role.",
			pathfinder+"cloudformation-002", iv("privesc-cloudFormationUpdateStack.tf")),
			family: workload, kind: iam.CloudFormation, steps: []step{onW("cloudformation:UpdateStack")}},
		{Technique: t("cloudformation-execute-change-set", "Execute a change set on a stack that deploys with a role",
			"Create and execute a change set on an existing stack; CloudFormation deploys it as the stack's role.",
			pathfinder+"cloudformation-005"),
			family: workload, kind: iam.CloudFormation, steps: []step{onW("cloudformation:CreateChangeSet"), onW("cloudformation:ExecuteChangeSet")}},
		{Technique: t("ec2-replace-instance-profile", "Swap the instance profile of an instance one controls",
			"Replace an instance's profile association with one holding the role, then read the role's credentials on the instance.",
			hacktricks+"aws-ec2-privesc/index.html", pmapper),
			family: profileSwap, service: "ec2.amazonaws.com", passedTo: "ec2.amazonaws.com", profile: true, kind: iam.EC2Instance, exec: true,
			steps: []step{onW("ec2:ReplaceIamInstanceProfileAssociation")}},
		{Technique: t("iam-add-role-to-instance-profile", "Swap the role in an instance's profile",
			"Remove the role from the instance profile of an instance one can run code on, add the role instead, and read its credentials.",
			hacktricks+"aws-ec2-privesc/index.html", rhino),
			family: profileSwap, service: "ec2.amazonaws.com", passedTo: "ec2.amazonaws.com", kind: iam.EC2Instance, exec: true,
			steps: []step{{action: "iam:RemoveRoleFromInstanceProfile", on: onProfile}, {action: "iam:AddRoleToInstanceProfile", on: onProfile}}},
	}
}

// actions lists the actions a technique needs, iam:PassRole and the
// modifyOther access included.
func (s *spec) actions() []string {
	var out []string
	add := func(a string) {
		for _, x := range out {
			if x == a {
				return
			}
		}
		out = append(out, a)
	}
	for _, st := range s.steps {
		add(st.action)
	}
	switch s.family {
	case passRole, profileSwap:
		add("iam:PassRole")
	case modifyOther:
		switch s.access {
		case viaAssumeRole:
			add("sts:AssumeRole")
		case viaUpdateTrust:
			add("iam:UpdateAssumeRolePolicy")
			add("sts:AssumeRole")
		case viaAccessKey:
			add("iam:CreateAccessKey")
		}
	}
	if s.exec {
		add("ssm:SendCommand")
	}
	return out
}

var (
	specsOnce sync.Once
	allSpecs  []*spec
)

func specs() []*spec {
	specsOnce.Do(func() { allSpecs = buildSpecs() })
	return allSpecs
}

// Techniques returns every technique the analysis knows, in the order it
// tries them. The result is shared: callers must not change it.
func Techniques() []*Technique {
	ss := specs()
	out := make([]*Technique, len(ss))
	for i, s := range ss {
		out[i] = s.Technique
	}
	return out
}
