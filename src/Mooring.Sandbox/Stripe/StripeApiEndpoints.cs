using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mooring.Sandbox.Hosting;

namespace Mooring.Sandbox.Stripe;

/// <summary>
/// The Stripe API under <c>/v1</c>. One dispatcher gives every method Stripe's shared behaviour: API-key auth,
/// bracket-notation parameters, Idempotency-Key replay and conflict, Request-Id and Stripe-Version headers.
/// </summary>
internal static class StripeApiEndpoints
{
    private delegate StripeResponse Handler(StripeAccount account, JsonObject args, string id);

    public static void Map(RouteGroupBuilder group, SandboxState state)
    {
        Route(group, state, "GET", "/v1/customers", "customers.list", (a, args, _) => StripeCustomers.List(a, args));
        Route(group, state, "POST", "/v1/customers", "customers.create", (a, args, _) => StripeCustomers.Create(a, args));
        Route(group, state, "GET", "/v1/customers/{id}", "customers.retrieve", (a, _, id) => StripeCustomers.Retrieve(a, id));
        Route(group, state, "POST", "/v1/customers/{id}", "customers.update", (a, args, id) => StripeCustomers.Update(a, id, args));
        Route(group, state, "DELETE", "/v1/customers/{id}", "customers.delete", (a, _, id) => StripeCustomers.Delete(a, id));
        Route(group, state, "GET", "/v1/subscriptions", "subscriptions.list", (a, args, _) => StripeSubscriptions.List(a, args));
        Route(group, state, "POST", "/v1/subscriptions", "subscriptions.create", (a, args, _) => StripeSubscriptions.Create(a, args));
        Route(group, state, "GET", "/v1/subscriptions/{id}", "subscriptions.retrieve", (a, args, id) => StripeSubscriptions.Retrieve(a, id, args));
        Route(group, state, "POST", "/v1/subscriptions/{id}", "subscriptions.update", (a, args, id) => StripeSubscriptions.Update(a, id, args));
        Route(group, state, "DELETE", "/v1/subscriptions/{id}", "subscriptions.cancel", (a, args, id) => StripeSubscriptions.Cancel(a, id, args));
        Route(group, state, "GET", "/v1/invoices", "invoices.list", (a, args, _) => StripeInvoices.List(a, args));
        Route(group, state, "GET", "/v1/invoices/{id}", "invoices.retrieve", (a, args, id) => StripeInvoices.Retrieve(a, id, args));
        Route(group, state, "GET", "/v1/events", "events.list", (a, args, _) => StripeInvoices.Events(a, args));
        Route(group, state, "GET", "/v1/events/{id}", "events.retrieve", (a, _, id) => StripeInvoices.Event(a, id));
    }

    private static void Route(RouteGroupBuilder group, SandboxState state, string method, string pattern, string name, Handler handler) =>
        group.MapMethods(pattern, [method], async (HttpContext context) =>
        {
            var account = state.Stripe;
            var headers = context.Response.Headers;
            headers["Stripe-Version"] = context.Request.Headers["Stripe-Version"].FirstOrDefault() ?? state.Options.StripeApiVersion;
            if (StripeAuth.Check(state.Options, state.Tokens, context.Request) is { } denied)
            {
                return StripeDialect.Write(context, denied);
            }

            var args = await StripeForm.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var id = context.Request.RouteValues["id"] as string ?? string.Empty;
            var key = method == "GET" ? null : context.Request.Headers["Idempotency-Key"].FirstOrDefault();
            var apiKey = StripeAuth.Key(context.Request)!;
            var fingerprint = $"{method} {context.Request.Path} {args.ToJsonString()}";
            if (key is not null)
            {
                if (account.Idempotency.Replay(apiKey, key, fingerprint, out var conflict) is { } replay)
                {
                    headers["Idempotent-Replayed"] = "true";
                    headers["Original-Request"] = replay.RequestId;
                    headers["Request-Id"] = "req_" + OAuth.TokenFormats.Random(14);
                    headers["Idempotency-Key"] = key;
                    return SandboxResults.Json(replay.Response.Body, replay.Response.Status);
                }

                if (conflict is not null)
                {
                    return StripeDialect.Write(context, conflict);
                }
            }

            var response = handler(account, args, id);
            var requestId = "req_" + OAuth.TokenFormats.Random(14);
            headers["Request-Id"] = requestId;
            if (key is not null)
            {
                headers["Idempotency-Key"] = key;
                account.Idempotency.Store(apiKey, key, fingerprint, response, requestId);
            }

            return StripeDialect.Write(context, response);
        }).Named(name);
}
