import { expect, expectSignedIn, screenshot, signIn, test } from "./support/fixtures";

// The account panel reads only the ERP cache: the test writes cache rows as a sync would, for
// two organisations, and checks an admin of each sees their own figures and addresses only.
test("[ERP] an org admin sees their organisation's cached account with us, not another's", async ({
  page,
  browser,
  db,
  seedOrganisation,
}) => {
  const [a, b, unlinked] = [await seedOrganisation(), await seedOrganisation(), await seedOrganisation()];
  const base = 800_000 + Math.floor(Math.random() * 100_000) * 10;
  const syncedAt = new Date(Date.now() - 4 * 60_000);
  const seed = async (organisationId: string, partnerId: number, name: string, city: string) => {
    const when = { odooWriteDate: syncedAt, syncedAt };
    await db.erpCustomer.create({
      data: {
        organisationId,
        odooPartnerId: partnerId,
        name,
        active: true,
        currency: "EUR",
        creditLimitMinor: 2_500_000,
        amountDueMinor: 312_050,
        paymentTermName: "30 Days",
        salespersonName: "Marc Demo",
        salesWarning: "Deliveries to the dock only between 7:00 and 15:00.",
        ...when,
      },
    });
    await db.erpAddress.createMany({
      data: [
        {
          odooPartnerId: partnerId,
          organisationId,
          type: "contact",
          street: "Hauptstr. 1",
          zip: "10115",
          city,
          countryCode: "DE",
          phone: "+49 30 1234",
          ...when,
        },
        {
          odooPartnerId: partnerId + 1,
          organisationId,
          type: "delivery",
          name: "Dock 4",
          street: "Hafenweg 4",
          zip: "20457",
          city: "Hamburg",
          countryCode: "DE",
          ...when,
        },
        {
          odooPartnerId: partnerId + 2,
          organisationId,
          type: "invoice",
          name: "Accounts payable",
          street: "Geldweg 1",
          street2: "3rd floor",
          zip: "53111",
          city: "Bonn",
          countryCode: "DE",
          ...when,
        },
      ],
    });
  };
  await seed(a.organisation.id, base, "Acme Interiors GmbH", "Berlin");
  await seed(b.organisation.id, base + 5, "Bravo Office AG", "Munich");

  await signIn(page, a.admin.email);
  await expectSignedIn(page, /\/catalog$/);
  await page.goto("/portal/organisation");
  await expect(page.getByTestId("credit-limit")).toHaveText("€25,000.00");
  await expect(page.getByTestId("amount-due")).toHaveText("€3,120.50");
  await expect(page.getByTestId("available-credit")).toHaveText("€21,879.50");
  await expect(page.getByTestId("payment-terms")).toHaveText("30 Days");
  await expect(page.getByTestId("salesperson")).toHaveText("Marc Demo");
  await expect(page.getByTestId("account-updated")).toHaveText("Last updated 4 minutes ago");
  await expect(page.getByTestId("address-row")).toHaveCount(3);
  await expect(page.getByTestId("address-row").first()).toContainText("10115 Berlin");
  await expect(page.getByText("Munich")).toHaveCount(0);
  await screenshot(page, "portal-organisation-account");

  const other = await (await browser.newContext()).newPage();
  await signIn(other, b.admin.email);
  await expectSignedIn(other, /\/catalog$/);
  await other.goto("/portal/organisation");
  await expect(other.getByTestId("address-row").first()).toContainText("10115 Munich");
  await expect(other.getByText("Berlin")).toHaveCount(0);

  const empty = await (await browser.newContext()).newPage();
  await signIn(empty, unlinked.admin.email);
  await expectSignedIn(empty, /\/catalog$/);
  await empty.goto("/portal/organisation");
  await expect(empty.getByTestId("customer-account-empty")).toContainText(unlinked.organisation.id);
  await screenshot(empty, "portal-organisation-account-not-linked");
});
