"use server";

import { revalidatePath } from "next/cache";
import {
  ZAddToCartInput,
  ZCartLineInput,
  ZQuickOrderInput,
  ZReplaceCartLineInput,
  ZUpdateCartLineInput,
} from "@/lib/validation/storefront";
import { runAction } from "@/server/actions/run-action";
import { addToCart } from "@/server/cart/add-to-cart";
import { confirmCartLinePrice } from "@/server/cart/confirm-cart-line-price";
import { removeCartLine } from "@/server/cart/remove-cart-line";
import { replaceCartLine } from "@/server/cart/replace-cart-line";
import { updateCartLineQuantity } from "@/server/cart/update-cart-line-quantity";
import { quickOrder } from "@/server/cart/quick-order";

// The buyer's cart. Inputs never carry a price (the schemas are strict): the server prices
// every line. Every action works on the caller's own cart only.

const refresh = <T>(result: T) => {
  revalidatePath("/cart");

  return result;
};

export async function addToCartAction(input: unknown) {
  return runAction({
    name: "addToCart",
    permission: "cart.manage",
    schema: ZAddToCartInput,
    input,
    run: async ({ user, input: data }) => refresh(await addToCart(user, data)),
  });
}

export async function replaceCartLineAction(input: unknown) {
  return runAction({
    name: "replaceCartLine",
    permission: "cart.manage",
    schema: ZReplaceCartLineInput,
    input,
    run: async ({ user, input: data }) => refresh(await replaceCartLine(user, data)),
  });
}

export async function updateCartLineAction(input: unknown) {
  return runAction({
    name: "updateCartLine",
    permission: "cart.manage",
    schema: ZUpdateCartLineInput,
    input,
    run: async ({ user, input: data }) => refresh(await updateCartLineQuantity(user, data)),
  });
}

export async function removeCartLineAction(input: unknown) {
  return runAction({
    name: "removeCartLine",
    permission: "cart.manage",
    schema: ZCartLineInput,
    input,
    run: async ({ user, input: data }) => refresh(await removeCartLine(user, data)),
  });
}

export async function confirmCartLinePriceAction(input: unknown) {
  return runAction({
    name: "confirmCartLinePrice",
    permission: "cart.manage",
    schema: ZCartLineInput,
    input,
    run: async ({ user, input: data }) => refresh(await confirmCartLinePrice(user, data)),
  });
}

export async function quickOrderAction(input: unknown) {
  return runAction({
    name: "quickOrder",
    permission: "cart.manage",
    schema: ZQuickOrderInput,
    input,
    run: async ({ user, input: data }) => refresh(await quickOrder(user, data.text)),
  });
}
