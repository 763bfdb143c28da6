print("the shop")
