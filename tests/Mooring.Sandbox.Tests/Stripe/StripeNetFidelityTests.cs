using Stripe;

namespace Mooring.Sandbox.Tests.Stripe;

/// <summary>Stripe.net, Stripe's own .NET SDK, pointed at the emulator through its ApiBase.</summary>
public sealed class StripeNetFidelityTests
{
    [Fact]
    public async Task Customers_CreateRetrieveUpdateDelete_RoundTripThroughStripeNet()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var customers = new CustomerService(Client(sandbox));
        var ct = TestContext.Current.CancellationToken;

        var created = await customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.com", Name = "Ada", Metadata = new() { ["plan"] = "pro" } }, cancellationToken: ct);
        created.Id.ShouldStartWith("cus_");
        created.Metadata["plan"].ShouldBe("pro");

        var updated = await customers.UpdateAsync(created.Id, new CustomerUpdateOptions { Name = "Ada Lovelace", Metadata = new() { ["tier"] = "gold" } }, cancellationToken: ct);
        updated.Name.ShouldBe("Ada Lovelace");
        updated.Metadata.ShouldContainKeyAndValue("plan", "pro");
        updated.Metadata.ShouldContainKeyAndValue("tier", "gold");

        (await customers.GetAsync(created.Id, cancellationToken: ct)).Email.ShouldBe("ada@example.com");
        (await customers.DeleteAsync(created.Id, cancellationToken: ct)).Deleted.ShouldBe(true);
        var missing = await Should.ThrowAsync<StripeException>(() => customers.UpdateAsync(created.Id, new CustomerUpdateOptions { Name = "x" }, cancellationToken: ct));
        missing.StripeError.Code.ShouldBe("resource_missing");
        missing.HttpStatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customers_ListAutoPaging_WalksEveryPageNewestFirst()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Data.StripeCustomers = 57);
        var customers = new CustomerService(Client(sandbox));

        var all = new List<Customer>();
        await foreach (var c in customers.ListAutoPagingAsync(new CustomerListOptions { Limit = 10 }, cancellationToken: TestContext.Current.CancellationToken))
        {
            all.Add(c);
        }

        all.Count.ShouldBe(57);
        all.Select(c => c.Id).Distinct().Count().ShouldBe(57);
        all.Select(c => c.Created).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Subscription_DefaultIncomplete_ExpandsConfirmationSecret()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Client(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, cancellationToken: ct);

        var sub = await new SubscriptionService(client).CreateAsync(
            new SubscriptionCreateOptions
            {
                Customer = customer.Id,
                Items = [new SubscriptionItemOptions { Price = "price_pro_monthly" }],
                PaymentBehavior = "default_incomplete",
                Expand = ["latest_invoice.confirmation_secret"],
            },
            cancellationToken: ct);

        sub.Status.ShouldBe("incomplete");
        sub.LatestInvoice.ConfirmationSecret.ClientSecret.ShouldStartWith("pi_");
        sub.LatestInvoice.ConfirmationSecret.ClientSecret.ShouldContain("_secret_");
        sub.Items.Data[0].Price.Id.ShouldBe("price_pro_monthly");
    }

    [Fact]
    public async Task Subscription_DecliningCard_ErrorIfIncomplete_ThrowsCardDeclined()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Client(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions { PaymentMethod = "pm_card_chargeDeclined" }, cancellationToken: ct);

        var error = await Should.ThrowAsync<StripeException>(() => new SubscriptionService(client).CreateAsync(
            new SubscriptionCreateOptions { Customer = customer.Id, Items = [new SubscriptionItemOptions { Price = "price_x" }], PaymentBehavior = "error_if_incomplete" },
            cancellationToken: ct));

        error.HttpStatusCode.ShouldBe(System.Net.HttpStatusCode.PaymentRequired);
        error.StripeError.Type.ShouldBe("card_error");
        error.StripeError.Code.ShouldBe("card_declined");
        error.StripeError.DeclineCode.ShouldBe("generic_decline");
    }

    [Fact]
    public async Task Subscription_UpdateCancelAtPeriodEndThenCancel_ListsAndEventsFollow()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Client(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var subs = new SubscriptionService(client);
        var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions { PaymentMethod = "pm_card_visa" }, cancellationToken: ct);
        var sub = await subs.CreateAsync(new SubscriptionCreateOptions { Customer = customer.Id, Items = [new SubscriptionItemOptions { Price = "price_basic" }] }, cancellationToken: ct);
        sub.Status.ShouldBe("active");

        var atEnd = await subs.UpdateAsync(sub.Id, new SubscriptionUpdateOptions { CancelAtPeriodEnd = true }, cancellationToken: ct);
        atEnd.CancelAtPeriodEnd.ShouldBeTrue();
        atEnd.CancelAt.ShouldNotBeNull();

        var canceled = await subs.CancelAsync(sub.Id, cancellationToken: ct);
        canceled.Status.ShouldBe("canceled");
        (await subs.ListAsync(new SubscriptionListOptions { Customer = customer.Id }, cancellationToken: ct)).Data.ShouldBeEmpty();
        (await subs.ListAsync(new SubscriptionListOptions { Customer = customer.Id, Status = "all" }, cancellationToken: ct)).Data.Count.ShouldBe(1);

        var invoices = await new InvoiceService(client).ListAsync(new InvoiceListOptions { Customer = customer.Id }, cancellationToken: ct);
        invoices.Data.Single().Status.ShouldBe("paid");

        var events = await new EventService(client).ListAsync(new EventListOptions { Type = "customer.subscription.*" }, cancellationToken: ct);
        events.Data.Select(e => e.Type).ShouldBe(["customer.subscription.deleted", "customer.subscription.updated", "customer.subscription.created"]);
    }

    internal static StripeClient Client(TestSandbox sandbox, string? apiKey = null) => new(
        apiKey: apiKey ?? sandbox.Control.Options.StripeApiKey,
        httpClient: new SystemNetHttpClient(new HttpClient(), maxNetworkRetries: 0),
        apiBase: sandbox.Host.AddressOf(SandboxProvider.Stripe).ToString().TrimEnd('/'));
}
