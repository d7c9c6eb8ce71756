export class MongoStore { static async connect(): Promise<never> { throw new Error("not yet"); } }
