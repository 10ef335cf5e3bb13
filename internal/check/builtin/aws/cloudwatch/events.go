package cloudwatch

// Representative CloudTrail records. A CIS monitoring control is met by a
// metric filter that matches every event the control lists and does not
// match routine activity; these records are what the filter is tried on.

const account = "111122223333"

func user() map[string]any {
	return map[string]any{
		"type":        "IAMUser",
		"principalId": "AIDAEXAMPLE",
		"arn":         "arn:aws:iam::" + account + ":user/alice",
		"accountId":   account,
		"userName":    "alice",
	}
}

func root() map[string]any {
	return map[string]any{
		"type":        "Root",
		"principalId": account,
		"arn":         "arn:aws:iam::" + account + ":root",
		"accountId":   account,
	}
}

// apiCall is a successful management API call by an IAM user.
func apiCall(source, name string) map[string]any {
	return map[string]any{
		"eventVersion":       "1.09",
		"userIdentity":       user(),
		"eventTime":          "2024-05-01T12:00:00Z",
		"eventSource":        source,
		"eventName":          name,
		"awsRegion":          "us-east-1",
		"sourceIPAddress":    "203.0.113.10",
		"userAgent":          "aws-cli/2.15.0",
		"requestID":          "example-request",
		"eventID":            "example-event",
		"readOnly":           false,
		"eventType":          "AwsApiCall",
		"managementEvent":    true,
		"recipientAccountId": account,
		"eventCategory":      "Management",
	}
}

// apiCalls returns one call per event name.
func apiCalls(source string, names ...string) []map[string]any {
	out := make([]map[string]any, 0, len(names))
	for _, n := range names {
		out = append(out, apiCall(source, n))
	}
	return out
}

func deniedCall(source, name, code string) map[string]any {
	e := apiCall(source, name)
	e["errorCode"] = code
	e["errorMessage"] = "User: arn:aws:iam::" + account + ":user/alice is not authorized to perform this operation"
	return e
}

func rootCall(source, name string) map[string]any {
	e := apiCall(source, name)
	e["userIdentity"] = root()
	return e
}

// consoleLogin is a console sign-in: an IAM user's unless identity says
// otherwise, with or without MFA, succeeded or failed.
func consoleLogin(identity map[string]any, mfa, success bool) map[string]any {
	e := apiCall("signin.amazonaws.com", "ConsoleLogin")
	e["eventType"] = "AwsConsoleSignIn"
	e["userIdentity"] = identity
	e["readOnly"] = false
	mfaUsed := "No"
	if mfa {
		mfaUsed = "Yes"
	}
	e["additionalEventData"] = map[string]any{
		"LoginTo":       "https://console.aws.amazon.com/console/home",
		"MobileVersion": "No",
		"MFAUsed":       mfaUsed,
	}
	outcome := "Success"
	if !success {
		outcome = "Failure"
		e["errorMessage"] = "Failed authentication"
	}
	e["responseElements"] = map[string]any{"ConsoleLogin": outcome}
	return e
}
